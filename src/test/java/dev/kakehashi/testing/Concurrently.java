package dev.kakehashi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sends requests at the same moment, for the tests that two writers with one ETag cannot both win. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs each request on its own thread, released together; answers their statuses in order. */
    @SafeVarargs
    public static List<Integer> statuses(Callable<Http.Reply>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (Callable<Http.Reply> request : requests) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
