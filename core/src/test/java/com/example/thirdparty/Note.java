package com.example.thirdparty;

import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.ModelCodec;

/** A model of another provider, outside trackflow's packages, that registers its codec when initialized. */
public final class Note {

    static {
        Json.register(new Codec());
    }

    /** The text. */
    public String text = "";

    private static final class Codec extends ModelCodec<Note, Note> {
        Codec() {
            super(Note.class, Note::new, n -> n);
            required("text", FieldType.STRING, (n, v) -> n.text = v, n -> n.text);
        }
    }
}
