package io.trackflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** The guard every module's tests run under must actually see a leak. */
class NettyLeakGuardTest {

    @Test
    void testsRunWithParanoidLeakDetection() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void aLeakedBufferIsReported() {
        NettyLeakGuard.drain();
        leak();
        assertThat(NettyLeakGuard.drain())
                .anySatisfy(report -> assertThat(report).startsWith("LEAK"));
    }

    private static void leak() {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        b.writeInt(42);
        // dropped without release()
    }
}
