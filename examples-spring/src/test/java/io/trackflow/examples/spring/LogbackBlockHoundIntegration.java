package io.trackflow.examples.spring;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound's allow-list for these tests, beside core's {@code TrackflowBlockHoundIntegration}: Spring
 * Boot logs through Logback, whose appenders write each line to the console and to target/test.log
 * under a lock (a few microseconds). Test logging only, as for slf4j-simple in the other modules: the
 * library calls the SLF4J API, and what the application's logging back-end does is its own affair.
 */
public final class LogbackBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
    }
}
