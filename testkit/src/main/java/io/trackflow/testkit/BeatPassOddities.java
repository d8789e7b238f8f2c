package io.trackflow.testkit;

import tools.jackson.databind.node.ObjectNode;

/**
 * The token-tier fields of a seeded BeatPass track, with the odd but legal values the provider
 * sends, chosen by id (any six consecutive tracks show every variant of the first four items):
 *
 * <ul>
 *   <li>{@code bpm}: {@code 120}, {@code "128"}, {@code 92.5}, {@code null}, {@code 140};
 *   <li>{@code price}: {@code "19.99"}, {@code 4.5}, {@code null}, {@code 29}; {@code currency}
 *       {@code "USD"} or {@code "CAD"};
 *   <li>{@code key} {@code "C#"}, {@code "A"}, {@code "F#"}, {@code "Bb"}, {@code "E"} or {@code
 *       null}; {@code scale} {@code "minor"} or {@code "major"};
 *   <li>{@code exclusive_price} a string, a number or {@code null};
 *   <li>{@code plays} a numeric string on every 6th track ({@code "31200"}), {@code likes_count} on
 *       every 9th: the counts of a PHP back end without casts;
 *   <li>now and then a field nobody modelled ({@code stems} on every 7th track, {@code
 *       beat_request_id} on every 11th).
 * </ul>
 */
final class BeatPassOddities {

    private static final String[] KEYS = {"C#", "A", "F#", "Bb", "E", null};
    private static final String[] LICENSING = {"non_exclusive", "exclusive", "free", "non_exclusive_and_exclusive"};
    private static final String[] EXCLUSIVE = {"available", "sold", "unavailable"};

    private BeatPassOddities() {}

    static void addTokenFields(ObjectNode t, long id) {
        switch ((int) (id % 5)) {
            case 1 -> t.put("bpm", 120);
            case 2 -> t.put("bpm", "128");
            case 3 -> t.put("bpm", 92.5);
            case 4 -> t.putNull("bpm");
            default -> t.put("bpm", 140);
        }
        switch ((int) (id % 4)) {
            case 1 -> t.put("price", "19.99");
            case 2 -> t.put("price", 4.5);
            case 3 -> t.putNull("price");
            default -> t.put("price", 29);
        }
        t.put("currency", id % 2 == 0 ? "CAD" : "USD");
        t.put("key", KEYS[(int) (id % KEYS.length)]);
        t.put("scale", id % 3 == 0 ? "major" : "minor");
        t.put("licensing_type", LICENSING[(int) (id % LICENSING.length)]);
        if (id % 3 == 2) {
            t.putNull("exclusive_status");
            t.putNull("exclusive_price");
        } else {
            t.put("exclusive_status", EXCLUSIVE[(int) (id % EXCLUSIVE.length)]);
            if (id % 2 == 0) {
                t.put("exclusive_price", "499.00");
            } else {
                t.put("exclusive_price", 250);
            }
        }
        t.put("reposts_count", id * 37 % 500);
        t.put("likes_count", id * 53 % 2_000);
        if (id % 6 == 0) {
            t.put("plays", t.get("plays").asString());
        }
        if (id % 9 == 0) {
            t.put("likes_count", t.get("likes_count").asString());
        }
        t.put("owner_id", 1 + id % 500);
        t.put("local_only", false);
        t.putNull("spotify_id");
        if (id % 7 == 0) {
            t.putObject("stems").put("available", true).put("count", 4);
        }
        if (id % 11 == 0) {
            t.putNull("beat_request_id");
        }
    }
}
