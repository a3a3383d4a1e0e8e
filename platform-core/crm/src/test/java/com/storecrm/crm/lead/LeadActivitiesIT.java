package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.LeadCast.call;
import static com.storecrm.crm.lead.LeadCast.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sales activities move leads into In Progress and plan follow-ups, which drive views and reminders. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadActivitiesIT extends CrmIntegrationTest {

    @Autowired
    private FollowUpReminders reminders;

    private LeadCast cast;
    private LeadCast other;

    @BeforeAll
    void twoTenants() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "activities_a");
        other = new LeadCast(FIXTURES, TOKENS, api(), "activities_b");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void recordingAnActivityOnAPendingLeadMovesItInProgressAndPlansTheFollowUp() {
        UUID lead = cast.lead(cast.rep);
        String next = day(3);

        Api.Response recorded = cast.act(lead, "activities", cast.rep,
                Map.of("kind", "VISIT", "result", "met the buyer", "nextFollowUpOn", next));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("kind").asString()).isEqualTo("VISIT");
        assertThat(recorded.json().get("recordedBy").asString()).isEqualTo(cast.rep.id().toString());
        JsonNode after = cast.read(lead, cast.rep);
        assertThat(after.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(after.get("nextFollowUpOn").asString()).isEqualTo(next);
        Api.Response ofLead = api().get("/api/leads/" + lead + "/activities", cast.rep.bearer());
        assertThat(ofLead.json().get("content").get(0).get("result").asString()).isEqualTo("met the buyer");
    }

    @Test
    void aLaterActivityReplacesThePlannedFollowUp() {
        UUID lead = cast.lead(cast.rep);
        cast.act(lead, "activities", cast.rep, call("first", day(2)));

        cast.act(lead, "activities", cast.rep, call("second, nothing planned", null));

        JsonNode after = cast.read(lead, cast.rep);
        assertThat(after.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(after.get("nextFollowUpOn").isNull()).isTrue();
    }

    @Nested
    class RefusedActivities {

        @Test
        void refusesAFollowUpDayInThePast() {
            assertInvalid(cast.act(cast.lead(cast.rep), "activities", cast.rep, call("late", day(-1))), "nextFollowUpOn");
        }

        @Test
        void refusesAnActivityWithoutKind() {
            assertInvalid(cast.act(cast.lead(cast.rep), "activities", cast.rep, Map.of("result", "x")), "kind");
        }

        @Test
        void refusesAnUnknownKind() {
            assertInvalid(cast.act(cast.lead(cast.rep), "activities", cast.rep,
                    Map.of("kind", "TELEPATHY", "result", "x")), "kind");
        }

        @Test
        void refusesAnActivityWithoutResult() {
            assertInvalid(cast.act(cast.lead(cast.rep), "activities", cast.rep, Map.of("kind", "CALL")), "result");
        }

        @Test
        void refusesAnActivityOnSomeoneElsesLeadAsNotFound() {
            Api.Response response = cast.act(cast.lead(cast.rep), "activities", cast.otherRep, call("mine now", null));
            assertThat(response.status()).isEqualTo(404);
        }

        private void assertInvalid(Api.Response response, String field) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                    .containsExactly(field);
        }
    }

    @Test
    void theFollowUpDayDrivesMyOverdueAndPendingMyFollowUp() {
        LeadCast views = new LeadCast(FIXTURES, TOKENS, api(), "activities_views");
        UUID planned = views.lead(views.rep);
        views.act(planned, "activities", views.rep, call("call again in two days", day(2)));
        UUID later = views.lead(views.rep);
        views.act(later, "activities", views.rep, call("call again in a week", day(7)));
        UUID untouched = views.lead(views.rep);
        UUID invalid = views.lead(views.rep);
        views.act(invalid, "activities", views.rep, call("call again tomorrow", day(1)));
        views.act(invalid, "invalid", views.rep, reason("no interest"));
        UUID othersLead = views.lead(views.otherRep);

        assertThat(view(views, "pendingMyFollowUp")).containsExactlyInAnyOrder(untouched);
        assertThat(view(views, "myOverdue")).isEmpty();
        assertThat(due(views)).isEmpty();

        clock.moveBy(Duration.ofDays(2));
        assertThat(view(views, "pendingMyFollowUp")).containsExactlyInAnyOrder(untouched, planned);
        assertThat(view(views, "myOverdue")).isEmpty();
        assertThat(due(views)).containsExactly(Map.entry(planned, false));

        clock.moveBy(Duration.ofDays(1));
        assertThat(view(views, "pendingMyFollowUp")).containsExactlyInAnyOrder(untouched, planned);
        assertThat(view(views, "myOverdue")).containsExactly(planned);
        assertThat(due(views)).containsExactly(Map.entry(planned, true));
        assertThat(view(views, "mine")).containsExactlyInAnyOrder(planned, later, untouched, invalid)
                .doesNotContain(othersLead);
    }

    @Test
    void managersSeeTheirTeamsActivityFeedAndRepsTheirOwn() {
        LeadCast feed = new LeadCast(FIXTURES, TOKENS, api(), "activities_feed");
        UUID repLead = feed.lead(feed.rep);
        UUID otherLead = feed.lead(feed.otherRep);
        UUID store2Lead = UUID.fromString(feed.lead(feed.repOfStore2, feed.store2, Map.of()).get("id").asString());
        String byRep = id(feed.act(repLead, "activities", feed.rep, call("rep's call", null)));
        String byOther = id(feed.act(otherLead, "activities", feed.otherRep, call("other's call", null)));
        String inStore2 = id(feed.act(store2Lead, "activities", feed.repOfStore2, call("store two", null)));
        String byManager = id(feed.act(repLead, "activities", feed.manager, call("manager helped", null)));

        assertThat(activityIds(feed, feed.manager, "")).containsExactlyInAnyOrder(byRep, byOther, byManager);
        assertThat(activityIds(feed, feed.manager, "?recordedBy=" + feed.otherRep.id())).containsExactly(byOther);
        assertThat(activityIds(feed, feed.hq, "")).containsExactlyInAnyOrder(byRep, byOther, byManager, inStore2);
        assertThat(activityIds(feed, feed.rep, "")).containsExactlyInAnyOrder(byRep, byManager);
        assertThat(activityIds(feed, feed.otherRep, "")).containsExactly(byOther);
        assertThat(api().get("/api/lead-activities", feed.finance.bearer()).status()).isEqualTo(403);

        FIXTURES.superior(feed.rep.id(), feed.otherRep.id());
        assertThat(activityIds(feed, feed.otherRep, "")).as("a superior sees the subordinate's feed too")
                .containsExactlyInAnyOrder(byOther, byRep, byManager);
        assertThat(activityIds(feed, feed.otherRep, "?recordedBy=" + feed.rep.id())).containsExactly(byRep);
        assertThat(activityIds(feed, feed.otherRep, "?recordedBy=" + feed.manager.id())).isEmpty();
        assertThat(activityIds(feed, feed.rep, "")).as("but not the other way round")
                .containsExactlyInAnyOrder(byRep, byManager);
    }

    @Test
    void remindsOncePerDueFollowUpPerTenantAndNeverAcrossTenants() {
        UUID dueTomorrow = cast.lead(cast.rep);
        cast.act(dueTomorrow, "activities", cast.rep, call("call back tomorrow", day(1)));
        UUID dueLater = cast.lead(cast.rep);
        cast.act(dueLater, "activities", cast.rep, call("call back in four days", day(4)));
        UUID turnedInvalid = cast.lead(cast.rep);
        cast.act(turnedInvalid, "activities", cast.rep, call("call back tomorrow", day(1)));
        cast.act(turnedInvalid, "invalid", cast.rep, reason("wrong number"));
        UUID otherTenants = other.lead(other.rep);
        other.act(otherTenants, "activities", other.rep, call("call back tomorrow", day(1)));
        Set<UUID> watched = Set.of(dueTomorrow, dueLater, turnedInvalid, otherTenants);
        assertThat(reminded(reminders.remindDue(), watched)).as("nothing is due yet").isEmpty();

        clock.moveBy(Duration.ofDays(2));
        List<FollowUpDue> first = reminded(reminders.remindDue(), watched);
        List<FollowUpDue> second = reminded(reminders.remindDue(), watched);

        assertThat(first).extracting(FollowUpDue::leadId).containsExactlyInAnyOrder(dueTomorrow, otherTenants);
        assertThat(first).filteredOn(r -> r.leadId().equals(dueTomorrow)).singleElement().satisfies(r -> {
            assertThat(r.tenantId()).isEqualTo(cast.tenant.id());
            assertThat(r.ownerId()).isEqualTo(cast.rep.id());
            assertThat(r.storeId()).isEqualTo(cast.store1);
            assertThat(r.dueOn()).isEqualTo(LocalDate.parse(day(-1)));
        });
        assertThat(first).filteredOn(r -> r.leadId().equals(otherTenants)).singleElement()
                .satisfies(r -> assertThat(r.tenantId()).isEqualTo(other.tenant.id()));
        assertThat(second).as("a follow-up is reminded once").isEmpty();
        assertThat(events.of(FollowUpDue.class).stream().filter(e -> watched.contains(e.leadId())).toList())
                .as("published events").containsExactlyInAnyOrderElementsOf(first);

        cast.act(dueTomorrow, "activities", cast.rep, call("called; again tomorrow", day(1)));
        clock.moveBy(Duration.ofDays(3));
        assertThat(reminded(reminders.remindDue(), watched)).extracting(FollowUpDue::leadId)
                .as("the new follow-up and the one planned for day four").containsExactlyInAnyOrder(dueTomorrow, dueLater);
        assertThat(reminded(reminders.remindDue(), watched)).isEmpty();
    }

    private static List<FollowUpDue> reminded(List<FollowUpDue> sent, Set<UUID> leads) {
        return sent.stream().filter(r -> leads.contains(r.leadId())).toList();
    }

    private List<UUID> view(LeadCast in, String view) {
        Api.Response response = api().get("/api/leads?size=200&view=" + view, in.rep.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("content").valueStream().map(n -> UUID.fromString(n.get("id").asString())).toList();
    }

    private List<Map.Entry<UUID, Boolean>> due(LeadCast in) {
        Api.Response response = api().get("/api/lead-follow-ups/due", in.rep.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().map(n -> Map.entry(UUID.fromString(n.get("leadId").asString()),
                n.get("overdue").asBoolean())).toList();
    }

    private Set<String> activityIds(LeadCast in, LeadCast.User as, String query) {
        Api.Response response = api().get("/api/lead-activities" + query, as.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("content").valueStream().map(n -> n.get("id").asString()).collect(Collectors.toSet());
    }

    private static String id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A day relative to the service's (moved) today. */
    private String day(int fromToday) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(fromToday).toString();
    }
}
