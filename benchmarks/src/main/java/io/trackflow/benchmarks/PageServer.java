package io.trackflow.benchmarks;

import io.trackflow.testkit.FakeBeyondWords;
import java.util.concurrent.CountDownLatch;

/**
 * The stream workload's fake server on its own, for profiles of a client JVM alone ({@code ShortRun
 * --server}, {@code PerPageCount}): {@code PageServer [port] [items] [page]} seeds the listing,
 * serializes every page once, prints {@code BASE <url> KEY <key>} and runs until killed.
 */
public final class PageServer {

    private PageServer() {}

    /**
     * Starts the server.
     *
     * @param args port (0: any), items (100,000), page size (100)
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int page = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        FakeBeyondWords server = FakeBeyondWords.builder()
                .port(port)
                .maxPageSize(page)
                .recordRequests(false)
                .start()
                .seed(items);
        Baselines.prefill(server.baseUrl(), server.apiKey(), items, page);
        System.out.println("BASE " + server.baseUrl() + " KEY " + server.apiKey());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            forever.countDown();
        }));
        forever.await();
    }
}
