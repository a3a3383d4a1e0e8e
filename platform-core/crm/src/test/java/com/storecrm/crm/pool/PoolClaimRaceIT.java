package com.storecrm.crm.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.PlatformRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Sixteen threads - eight members, two threads each - claim the same hundred leads at once, half of
 * them one lead per request and half in batches, each in its own random order. Every lead ends with
 * exactly one owner, every attempt is answered (claimed, refused or 409), and no member passes the
 * pool's limit, which binds: eight members at thirteen can take the hundred leads only together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolClaimRaceIT extends CrmIntegrationTest {

    private static final int THREADS = 16;
    private static final int MEMBERS = 8;
    private static final int LEADS = 100;
    private static final int LIMIT = 13;

    private PoolCast cast;
    private List<PoolCast.User> members;

    @BeforeAll
    void members() {
        cast = new PoolCast(FIXTURES, TOKENS, api(), "pools_race");
        members = IntStream.range(0, MEMBERS)
                .mapToObj(i -> cast.user("racer" + i, PlatformRole.SALES_REP, cast.store1)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"claimLimit", "dailyClaimLimit"})
    void everyLeadGetsExactlyOneOwnerAndNoMemberPassesTheLimit(String limit) throws Exception {
        UUID pool = cast.pool(Map.of(limit, LIMIT), members);
        List<UUID> leads = cast.leads(pool, LEADS);
        Map<UUID, UUID> winners = new ConcurrentHashMap<>();
        AtomicInteger doubleWins = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> answered = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                PoolCast.User member = members.get(t % MEMBERS);
                int batch = t % 2 == 0 ? 1 : 10;
                List<UUID> order = new ArrayList<>(leads);
                Collections.shuffle(order, new Random(t));
                answered.add(threads.submit(() -> {
                    start.await();
                    int accounted = 0;
                    for (int from = 0; from < LEADS; from += batch) {
                        List<UUID> chunk = order.subList(from, Math.min(LEADS, from + batch));
                        Api.Response response = cast.claim(pool, member, chunk);
                        if (response.status() == 409) {
                            assertThat(chunk).hasSize(1);
                            accounted++;
                            continue;
                        }
                        JsonNode answer = cast.ok(response);
                        for (JsonNode claimed : answer.get("claimed")) {
                            if (winners.put(UUID.fromString(claimed.asString()), member.id()) != null) {
                                doubleWins.incrementAndGet();
                            }
                        }
                        accounted += answer.get("claimed").size() + answer.get("refused").size();
                    }
                    return accounted;
                }));
            }
            start.countDown();
            for (Future<Integer> thread : answered) {
                assertThat(thread.get(2, TimeUnit.MINUTES)).as("every attempt of a thread is answered").isEqualTo(LEADS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(doubleWins).as("no lead was won twice").hasValue(0);
        assertThat(winners).as("every lead was won").hasSize(LEADS);
        Map<UUID, Integer> owned = new HashMap<>();
        for (UUID lead : leads) {
            JsonNode read = cast.read(lead);
            assertThat(read.get("status").asString()).isEqualTo("PENDING");
            UUID owner = UUID.fromString(read.get("ownerId").asString());
            assertThat(owner).as("the owner is the one winner").isEqualTo(winners.get(lead));
            owned.merge(owner, 1, Integer::sum);
        }
        assertThat(owned.values()).as("nobody passes the %s", limit).allMatch(count -> count <= LIMIT);
        assertThat(owned.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(LEADS);
    }
}
