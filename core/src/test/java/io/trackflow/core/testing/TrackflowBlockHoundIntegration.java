package io.trackflow.core.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The allow-list of BlockHound (installed in every module's tests by {@code
 * blockhound-junit-platform}): any blocking call on a Reactor or Netty thread fails the test that
 * made it, except the calls below, each harmless for a stated reason.
 */
public final class TrackflowBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Test logging only: slf4j-simple writes each line to target/test.log with a FileOutputStream
        // under a lock (a few microseconds on a local disk); the library itself only calls the SLF4J API,
        // and what a user's logging binding does is the binding's affair.
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
        builder.allowBlockingCallsInside("org.slf4j.simple.OutputChoice", "getTargetPrintStream");
        // Netty 4.2's pooled allocator: growing its magazine array under contention frees the old
        // magazines under each one's StampedLock, held by other event loops only for an allocation (a
        // false positive Armeria allows too; BlockHoundTest drives it). Netty's own BlockHound rules
        // do not cover it yet.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        // The Reactive Streams TCK's subscribers hand each signal to the test's thread through an
        // ArrayBlockingQueue, whose lock that thread takes while it polls: a publisher signalling from its
        // event loop may wait for it a moment. Test harness code; without this, the wait failed the
        // subscriber's onComplete half-way and lost the completion (BlockHoundTest drives it).
        builder.allowBlockingCallsInside("org.reactivestreams.tck.TestEnvironment$Receptacle", "add");
        builder.allowBlockingCallsInside("org.reactivestreams.tck.TestEnvironment$Receptacle", "complete");
        builder.allowBlockingCallsInside("org.reactivestreams.tck.TestEnvironment$Promise", "complete");
        // A test harness that parks the event loop on purpose, to land a cancel at an exact moment of a
        // read (ReactorNettyTransportTest.aResponseArrivingForACancelledExchangeIsReleased).
        builder.allowBlockingCallsInside(
                "io.trackflow.core.http.ReactorNettyTransportTest$CancelOnHead", "channelRead");
    }
}
