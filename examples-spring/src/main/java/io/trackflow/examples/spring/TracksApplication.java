package io.trackflow.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot 4 WebFlux service on the trackflow starter: {@code GET /background-tracks} streams
 * every BeyondWords background track as NDJSON, {@code GET /tracks/{id}} looks up a BeatPass track.
 * Run it with {@code BEYONDWORDS_API_KEY} and {@code BEATPASS_TOKEN} set (see {@code
 * application.properties}); its tests run it against the testkit's fakes.
 */
@SpringBootApplication
public class TracksApplication {

    /** Started by {@link #main}. */
    public TracksApplication() {}

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(TracksApplication.class, args);
    }
}
