package io.trackflow.testkit;

import static io.trackflow.testkit.TestHttp.get;
import static io.trackflow.testkit.TestHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GzipTest {

    private static JsonNode gunzip(HttpResponse<byte[]> r) throws IOException {
        assertThat(header(r, "Content-Encoding")).isEqualTo("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return TestHttp.JSON.readTree(in);
        }
    }

    @Test
    void beyondWordsGzipsForClientsThatAcceptIt() throws IOException {
        try (FakeBeyondWords server =
                FakeBeyondWords.builder().gzip(true).start().seed(30)) {
            HttpResponse<byte[]> zipped = get(
                    server.baseUrl() + "/background_tracks?pagination%5Blimit%5D=30",
                    "X-Api-Key",
                    server.apiKey(),
                    "Accept-Encoding",
                    "gzip");
            assertThat(gunzip(zipped).size()).isEqualTo(30);
            assertThat(header(zipped, "X-Pagination-Total-Count")).isEqualTo("30");
            HttpResponse<byte[]> plain = get(server.baseUrl() + "/background_tracks", "X-Api-Key", server.apiKey());
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(TestHttp.json(plain).size()).isEqualTo(10);
        }
    }

    @Test
    void beatPassGzipsForClientsThatAcceptIt() throws IOException {
        try (FakeBeatPass server = FakeBeatPass.builder().gzip(true).start().seed(3)) {
            HttpResponse<byte[]> zipped = get(
                    server.baseUrl() + "/tracks/2?with=album",
                    "Accept",
                    "application/json",
                    "Authorization",
                    "Bearer " + server.token(),
                    "Accept-Encoding",
                    "gzip");
            assertThat(gunzip(zipped).get("track").get("id").asLong()).isEqualTo(2);
            assertThat(header(zipped, "X-RateLimit-Remaining")).isEqualTo("299");
        }
    }

    @Test
    void neitherGzipsByDefault() {
        try (FakeBeatPass bp = FakeBeatPass.start().seed(1);
                FakeBeyondWords bw = FakeBeyondWords.start().seed(1)) {
            HttpResponse<byte[]> a = get(bp.baseUrl() + "/tracks/1", "Accept-Encoding", "gzip");
            HttpResponse<byte[]> b =
                    get(bw.baseUrl() + "/background_tracks", "X-Api-Key", bw.apiKey(), "Accept-Encoding", "gzip");
            assertThat(a.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(b.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(TestHttp.json(a).get("status").asString()).isEqualTo("success");
        }
    }
}
