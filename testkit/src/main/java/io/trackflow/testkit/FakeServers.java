package io.trackflow.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs both fake servers standalone until killed, e.g. behind a validating proxy or for a client in
 * another language: {@code java -cp ... io.trackflow.testkit.FakeServers [beyondWordsPort]
 * [beatPassPort] [tracks]}.
 */
public final class FakeServers {

    private FakeServers() {}

    /**
     * Starts the servers.
     *
     * @param args optional ports (0 = free), the number of tracks (default 1,000), and {@code
     *     synthetic} to generate BeyondWords tracks on the fly instead of storing them
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int bwPort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int bpPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        boolean synthetic = args.length > 3 && args[3].equals("synthetic");
        FakeBeyondWords bw = synthetic
                ? FakeBeyondWords.builder()
                        .port(bwPort)
                        .maxPageSize(100)
                        .syntheticTracks(n)
                        .recordRequests(false)
                        .start()
                : FakeBeyondWords.builder().port(bwPort).start().seed(n);
        FakeBeatPass bp = FakeBeatPass.builder()
                .port(bpPort)
                .rateLimitPerMinute(1_000_000)
                .start()
                .seed(Math.min(n, 10_000));
        System.out.println("BeyondWords " + bw.baseUrl() + " (X-Api-Key: " + bw.apiKey() + ")");
        System.out.println("BeatPass    " + bp.baseUrl() + " (Bearer " + bp.token() + ")");
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bw.close();
            bp.close();
            forever.countDown();
        }));
        forever.await();
    }
}
