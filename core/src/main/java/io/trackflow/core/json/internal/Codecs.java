package io.trackflow.core.json.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The registry of every type trackflow's codec reads and writes. A model registers its codec from its
 * own class initializer, so looking a type up initializes it first (once; never a JDK class): nothing has
 * to be listed anywhere, and a provider's module, trackflow's or another's, on the class path or the module
 * path, is found the same way.
 */
public final class Codecs {

    private static final ConcurrentMap<Class<?>, StreamCodec<?>> BY_TYPE = new ConcurrentHashMap<>();
    /** Classes initialized that registered no codec (so that looking one up again stays cheap). */
    private static final Set<Class<?>> NONE = ConcurrentHashMap.newKeySet();

    private Codecs() {}

    /**
     * Registers the codec of a type, once.
     *
     * @throws IllegalStateException when the type has another codec already
     */
    public static void register(StreamCodec<?> codec) {
        Objects.requireNonNull(codec, "codec");
        StreamCodec<?> before = BY_TYPE.putIfAbsent(codec.type(), codec);
        if (before != null && before != codec) {
            throw new IllegalStateException(codec.type().getName() + " has a JSON codec already");
        }
    }

    /**
     * The codec of {@code type} or of its nearest trackflow superclass (the generated implementation of a
     * model is written as its model); null when trackflow has none.
     */
    @SuppressWarnings("unchecked")
    public static <T> @Nullable StreamCodec<T> find(Class<T> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            StreamCodec<?> codec = BY_TYPE.get(c);
            if (codec == null && mayRegister(c) && !NONE.contains(c)) {
                // a model registers its codec from its class initializer: initialize it (waiting for another
                // thread that is initializing it), then look again; remember a class that registered none
                initialize(c);
                codec = BY_TYPE.get(c);
                if (codec == null) {
                    NONE.add(c);
                }
            }
            if (codec != null) {
                return (StreamCodec<T>) codec;
            }
        }
        return null;
    }

    /** The codec of {@code type} when it reads and writes it as a JSON string (so it may be a map's key); else null. */
    public static <T> @Nullable StreamCodec<T> findText(Class<T> type) {
        StreamCodec<T> codec = find(type);
        return codec != null && codec.isText() ? codec : null;
    }

    /** The codec of {@code type}; fails naming the type when it has none. */
    public static <T> StreamCodec<T> of(Class<T> type) {
        StreamCodec<T> codec = find(type);
        if (codec == null) {
            throw new IllegalArgumentException(type.getName() + " is not a type trackflow's JSON codec knows");
        }
        return codec;
    }

    /** A class of the JDK registers nothing; any other may (trackflow's models, a provider's own). */
    private static boolean mayRegister(Class<?> c) {
        String n = c.getName();
        return !(c.isPrimitive()
                || c.isArray()
                || n.startsWith("java.")
                || n.startsWith("javax.")
                || n.startsWith("jdk.")
                || n.startsWith("sun.")
                || n.startsWith("com.sun."));
    }

    private static void initialize(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            // not reachable through its own loader: then it has no codec
        } catch (LinkageError e) { // its initializer failed: say so, rather than "no codec"
            throw new IllegalStateException("initializing " + c.getName() + " failed: " + e, e);
        }
    }
}
