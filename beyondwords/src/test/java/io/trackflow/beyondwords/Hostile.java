package io.trackflow.beyondwords;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A raw-socket HTTP/1.1 server whose every byte the test controls. */
final class Hostile implements AutoCloseable {

    static final class Req {
        final String method;
        final String target;
        final String path;
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        final long nanos = System.nanoTime();

        Req(String method, String target) {
            this.method = method;
            this.target = target;
            int q = target.indexOf('?');
            this.path = q < 0 ? target : target.substring(0, q);
            if (q >= 0) {
                for (String kv : target.substring(q + 1).split("&")) {
                    int e = kv.indexOf('=');
                    String k = URLDecoder.decode(e < 0 ? kv : kv.substring(0, e), StandardCharsets.UTF_8);
                    String v = e < 0 ? "" : URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8);
                    query.merge(k, v, (a, b) -> a + "," + b);
                }
            }
        }

        long offset() {
            return Long.parseLong(query.getOrDefault("pagination[offset]", "0"));
        }

        int limit() {
            return Integer.parseInt(query.getOrDefault("pagination[limit]", "100"));
        }

        String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    /** What to do with a request: write to the socket; return false to close the connection. */
    interface Handler {
        boolean handle(Req req, Socket socket, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Handler handler;
    final List<Req> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger connectionsClosedByPeer = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    Hostile(Handler handler) {
        this(handler, 0);
    }

    Hostile(Handler handler, int port) {
        try {
            this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.handler = handler;
        Thread t = new Thread(this::acceptLoop, "hostile-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    connectionsClosedByPeer.incrementAndGet();
                    return;
                }
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split(" ");
                Req r = new Req(parts[0], parts[1]);
                String h;
                while ((h = readLine(in)) != null && !h.isEmpty()) {
                    int c = h.indexOf(':');
                    r.headers.put(h.substring(0, c).trim(), h.substring(c + 1).trim());
                }
                String cl = r.header("Content-Length");
                if (cl != null) {
                    r.body = in.readNBytes(Integer.parseInt(cl));
                }
                requests.add(r);
                if (!handler.handle(r, s, out)) {
                    return;
                }
                out.flush();
            }
        } catch (Exception e) {
            // the connection ends
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    // ---- response helpers

    static void respond(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("HTTP/1.1 " + status + " " + reason(status) + "\r\n");
        boolean hasType = false;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
            hasType |= e.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!hasType) {
            sb.append("Content-Type: application/json; charset=utf-8\r\n");
        }
        sb.append("Content-Length: ").append(b.length).append("\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    static void respond(OutputStream out, int status, String body) throws IOException {
        respond(out, status, Map.of(), body);
    }

    static Map<String, String> h(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    final AtomicInteger hungUpWhileWaiting = new AtomicInteger();

    /** Waits up to ms for the client to close the connection; true if it did. */
    boolean awaitHangUp(Socket s, int ms) {
        try {
            s.setSoTimeout(ms);
            int c = s.getInputStream().read();
            if (c == -1) {
                hungUpWhileWaiting.incrementAndGet();
                return true;
            }
            return false;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            hungUpWhileWaiting.incrementAndGet();
            return true;
        }
    }

    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 201:
                return "Created";
            case 429:
                return "Too Many Requests";
            case 503:
                return "Service Unavailable";
            default:
                return "X";
        }
    }

    // ---- data

    static String track(long id) {
        return "{\"id\":" + id + ",\"name\":\"Track " + id + "\",\"volume\":100,\"project\":null,"
                + "\"created\":\"2023-01-01 00:00:00 UTC\",\"updated\":\"2023-01-01 00:00:05 UTC\"}";
    }

    /** Items with ids offset+1 .. offset+n. */
    static String items(long offset, long n) {
        List<String> l = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            l.add(track(offset + i + 1));
        }
        return "[" + String.join(",", l) + "]";
    }

    List<Req> listRequests() {
        List<Req> l = new ArrayList<>();
        for (Req r : requests) {
            if (r.path.toLowerCase(Locale.ROOT).endsWith("/background_tracks") && r.method.equals("GET")) {
                l.add(r);
            }
        }
        return l;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
