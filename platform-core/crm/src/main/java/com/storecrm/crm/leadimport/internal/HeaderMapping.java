package com.storecrm.crm.leadimport.internal;

import com.storecrm.crm.lead.NewLead;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which column of a file fills which lead field, and the values used where a row leaves a field
 * empty. Columns are matched by their header, in English or Chinese (姓名, 公司, 手机, 邮箱, ...), and
 * by a custom field's key or label; an explicit mapping overrides that. Unmapped columns are ignored
 * but stay in the rejected-rows report.
 */
public record HeaderMapping(Map<String, String> columns, Map<String, String> defaults) {

    public static final String CUSTOM = "customFields.";
    private static final Set<String> FIELDS = Set.of("name", "company", "phone", "email", "chatId", "region",
            "industry", "source", "campaignId");
    private static final Set<String> NO_DEFAULT = Set.of("name", "phone", "email", "chatId");
    private static final Map<String, String> ALIASES = aliases();

    public HeaderMapping {
        columns = Map.copyOf(columns);
        defaults = Map.copyOf(defaults);
    }

    /**
     * The mapping of {@code header}: automatic, then the client's {@code explicit} entries (an empty
     * target ignores the column). Every problem is a 400 naming {@code mapping.<column>},
     * {@code defaults.<field>} or {@code mapping} itself.
     */
    public static HeaderMapping resolve(List<String> header, Map<String, String> explicit, Map<String, String> defaults,
                                        Map<String, String> customFieldLabels) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : header) {
            String field = auto(column, customFieldLabels);
            if (field != null) {
                columns.put(column, field);
            }
        }
        explicit.forEach((column, field) -> {
            if (!header.contains(column)) {
                throw ApiProblem.invalidField("mapping." + column, "no such column in the file");
            }
            if (field == null || field.isBlank()) {
                columns.remove(column);
            } else if (!known(field, customFieldLabels)) {
                throw ApiProblem.invalidField("mapping." + column, "unknown lead field " + field);
            } else {
                columns.put(column, field);
            }
        });
        Map<String, String> byField = new HashMap<>();
        columns.forEach((column, field) -> {
            String other = byField.put(field, column);
            if (other != null) {
                throw ApiProblem.invalidField("mapping", "columns " + other + " and " + column + " both fill " + field);
            }
        });
        if (!byField.containsKey("name")) {
            throw ApiProblem.invalidField("mapping", "no column fills the lead's name");
        }
        defaults.forEach((field, value) -> {
            if (!known(field, customFieldLabels) || NO_DEFAULT.contains(field)) {
                throw ApiProblem.invalidField("defaults." + field, "has no default: not a lead field, or one that "
                        + "identifies a person");
            }
        });
        return new HeaderMapping(columns, defaults);
    }

    /** The lead a row describes, with the import's defaults where the row is empty. */
    public NewLead lead(UUID storeId, List<String> header, ImportRow row) {
        Map<String, String> values = new HashMap<>(defaults);
        for (int i = 0; i < header.size(); i++) {
            String field = columns.get(header.get(i));
            String cell = row.cell(i).strip();
            if (field != null && !cell.isEmpty()) {
                values.put(field, cell);
            }
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (field.startsWith(CUSTOM)) {
                custom.put(field.substring(CUSTOM.length()), value);
            }
        });
        return new NewLead(storeId, values.get("name"), values.get("company"), values.get("phone"), values.get("email"),
                values.get("source"), campaign(values.get("campaignId")), null, values.get("chatId"),
                values.get("region"), values.get("industry"), custom.isEmpty() ? null : custom, null);
    }

    private static UUID campaign(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotACampaign(value);
        }
    }

    /** A campaign cell that is no campaign id; the row is refused for it. */
    public static final class NotACampaign extends RuntimeException {
        NotACampaign(String value) {
            super("campaignId: " + value + " is not a campaign id");
        }
    }

    private static boolean known(String field, Map<String, String> customFieldLabels) {
        return FIELDS.contains(field)
                || field.startsWith(CUSTOM) && customFieldLabels.containsKey(field.substring(CUSTOM.length()));
    }

    private static String auto(String column, Map<String, String> customFieldLabels) {
        String key = normal(column);
        String field = ALIASES.get(key);
        if (field != null) {
            return field;
        }
        for (Map.Entry<String, String> custom : customFieldLabels.entrySet()) {
            if (normal(custom.getKey()).equals(key) || normal(custom.getValue()).equals(key)) {
                return CUSTOM + custom.getKey();
            }
        }
        return null;
    }

    private static String normal(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-*:：]", "");
    }

    private static Map<String, String> aliases() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("name", List.of("name", "full name", "contact", "contact name", "person", "姓名", "名字", "联系人", "客户姓名"));
        names.put("company", List.of("company", "company name", "organisation", "organization", "account",
                "公司", "公司名称", "企业", "企业名称", "单位"));
        names.put("phone", List.of("phone", "mobile", "mobile phone", "cell", "telephone", "tel", "phone number",
                "手机", "手机号", "手机号码", "电话", "联系电话"));
        names.put("email", List.of("email", "e-mail", "mail", "email address", "邮箱", "电子邮件", "电子邮箱", "邮件"));
        names.put("chatId", List.of("chat id", "chatid", "wechat", "wechat id", "weixin", "微信", "微信号"));
        names.put("region", List.of("region", "area", "province", "地区", "区域", "省份"));
        names.put("industry", List.of("industry", "行业", "所属行业"));
        names.put("source", List.of("source", "lead source", "来源", "线索来源"));
        names.put("campaignId", List.of("campaign", "campaign id", "市场活动", "活动"));
        Map<String, String> aliases = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        names.forEach((field, list) -> list.forEach(alias -> {
            String before = aliases.put(normal(alias), field);
            if (before != null && !before.equals(field)) {
                clashes.add(alias);
            }
        }));
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("header aliases name two fields: " + clashes);
        }
        return Map.copyOf(aliases);
    }
}
