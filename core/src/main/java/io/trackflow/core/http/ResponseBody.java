package io.trackflow.core.http;

import java.io.InputStream;

/**
 * The body of a successful response while it is still in the transport's buffers: valid only
 * during the {@link ResponseHandler#onSuccess} call that receives it, never to be kept.
 */
public interface ResponseBody {

    /** A fresh stream over the whole body. */
    InputStream stream();

    /** The body length in bytes. */
    int length();
}
