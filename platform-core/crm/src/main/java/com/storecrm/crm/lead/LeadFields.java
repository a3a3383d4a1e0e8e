package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadField;
import com.storecrm.crm.lead.internal.LeadFieldRepository;
import com.storecrm.crm.lead.internal.LeadSpecifications;
import com.storecrm.tenancy.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant-defined lead fields (SPEC §3.2 "custom fields"): their definitions, the validation and
 * normalisation of values on a lead (stored as JSON), and filters on them. Values are stored
 * normalised - numbers without trailing zeros, dates as ISO days - so that equality filters can
 * compare text and date ranges can compare ISO text.
 */
@Service
public class LeadFields {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final int MAX_TEXT = 1000;

    private final LeadFieldRepository fields;
    private final LeadAccess access;

    LeadFields(LeadFieldRepository fields, LeadAccess access) {
        this.fields = fields;
        this.access = access;
    }

    @Transactional
    public LeadFieldView define(NewLeadField request) {
        access.requireAdmin("define lead fields");
        List<String> options = request.options() == null ? List.of() : List.copyOf(request.options());
        boolean choice = request.type() == NewLeadField.FieldType.SINGLE_CHOICE;
        if (choice && options.isEmpty()) {
            throw ApiProblem.invalidField("options", "a single-choice field needs at least one option");
        }
        if (!choice && !options.isEmpty()) {
            throw ApiProblem.invalidField("options", "only single-choice fields have options");
        }
        if (options.stream().distinct().count() != options.size()) {
            throw ApiProblem.invalidField("options", "must not repeat an option");
        }
        if (fields.findByKey(request.key()).isPresent()) {
            throw ApiProblem.conflict("a lead field with key " + request.key() + " exists already");
        }
        try {
            return toView(fields.saveAndFlush(LeadField.define(request.key(), request.label(),
                    LeadField.Type.valueOf(request.type().name()), options, Boolean.TRUE.equals(request.required()))));
        } catch (DataIntegrityViolationException raced) {
            throw ApiProblem.conflict("a lead field with key " + request.key() + " exists already");
        }
    }

    @Transactional(readOnly = true)
    public List<LeadFieldView> list() {
        access.requireLeadWorker();
        return fields.findAllByOrderByKeyAsc().stream().map(LeadFields::toView).toList();
    }

    /** The tenant's fields by key, in key order (export columns). */
    Map<String, LeadField> definitions() {
        return fields.findAllByOrderByKeyAsc().stream()
                .collect(Collectors.toMap(LeadField::key, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** Validated, normalised JSON of the values of a new lead; every problem names {@code customFields.<key>}. */
    String validate(Map<String, Object> values) {
        return validate(values, definitions());
    }

    /** As {@link #validate(Map)}, against definitions the caller read once for many leads. */
    String validate(Map<String, Object> values, Map<String, LeadField> known) {
        Map<String, Object> given = values == null ? Map.of() : values;
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        Map<String, Object> normalised = new TreeMap<>();
        given.forEach((key, value) -> {
            LeadField field = known.get(key);
            if (field == null) {
                problems.add(new ApiProblem.FieldProblem("customFields." + key, "no such lead field"));
            } else if (value != null) {
                try {
                    normalised.put(key, normalise(field, value));
                } catch (IllegalArgumentException e) {
                    problems.add(new ApiProblem.FieldProblem("customFields." + key, e.getMessage()));
                }
            }
        });
        known.values().stream().filter(f -> f.required() && !normalised.containsKey(f.key()))
                .forEach(f -> problems.add(new ApiProblem.FieldProblem("customFields." + f.key(), "is required")));
        if (!problems.isEmpty()) {
            throw new InvalidCustomFields(problems);
        }
        return JSON.writeValueAsString(normalised);
    }

    /** The values of a lead as stored. */
    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.readValue(json, LinkedHashMap.class);
        return values;
    }

    /**
     * Filters from query parameters {@code cf.<key>=value} (equality, every type),
     * {@code cf.<key>.min / .max} (numbers) and {@code cf.<key>.from / .to} (dates, inclusive).
     */
    List<Specification<Lead>> filters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return List.of();
        }
        Map<String, LeadField> known = definitions();
        List<Specification<Lead>> specs = new ArrayList<>();
        parameters.forEach((name, value) -> {
            String path = name.substring("cf.".length());
            int dot = path.indexOf('.');
            String key = dot < 0 ? path : path.substring(0, dot);
            String bound = dot < 0 ? null : path.substring(dot + 1);
            LeadField field = known.get(key);
            if (field == null) {
                throw ApiProblem.invalidField(name, "no such lead field");
            }
            try {
                specs.add(filter(field, bound, value));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField(name, e.getMessage());
            }
        });
        return specs;
    }

    private static Specification<Lead> filter(LeadField field, String bound, String value) {
        if (bound == null) {
            Object normalised = normalise(field, value);
            return LeadSpecifications.customFieldEquals(field.key(),
                    normalised instanceof BigDecimal number ? number.toPlainString() : (String) normalised);
        }
        if (field.type() == LeadField.Type.NUMBER && (bound.equals("min") || bound.equals("max"))) {
            BigDecimal number = (BigDecimal) normalise(field, value);
            return bound.equals("min") ? LeadSpecifications.customNumberBetween(field.key(), number, null)
                    : LeadSpecifications.customNumberBetween(field.key(), null, number);
        }
        if (field.type() == LeadField.Type.DATE && (bound.equals("from") || bound.equals("to"))) {
            LocalDate day = LocalDate.parse((String) normalise(field, value));
            return bound.equals("from") ? LeadSpecifications.customDateBetween(field.key(), day, null)
                    : LeadSpecifications.customDateBetween(field.key(), null, day);
        }
        throw new IllegalArgumentException("ranges are .min/.max for number fields and .from/.to for date fields");
    }

    private static Object normalise(LeadField field, Object value) {
        return switch (field.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("must be text");
                }
                if (text.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case NUMBER -> {
                try {
                    BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                            : new BigDecimal(((String) value).trim());
                    yield number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
                } catch (NumberFormatException | ClassCastException e) {
                    throw new IllegalArgumentException("must be a number");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse((String) value).toString();
                } catch (DateTimeParseException | ClassCastException e) {
                    throw new IllegalArgumentException("must be a date (yyyy-mm-dd)");
                }
            }
            case SINGLE_CHOICE -> {
                if (!(value instanceof String choice) || !field.options().contains(choice)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", field.options()));
                }
                yield choice;
            }
        };
    }

    private static LeadFieldView toView(LeadField field) {
        return new LeadFieldView(field.id(), field.key(), field.label(),
                NewLeadField.FieldType.valueOf(field.type().name()), field.options(), field.required());
    }

    /** Several custom field problems at once, each naming its field. */
    static final class InvalidCustomFields extends ApiProblem {
        InvalidCustomFields(List<FieldProblem> problems) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid request",
                    problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                    problems);
        }
    }
}
