package dev.kakehashi.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few API operations that take more than a small JSON body (document uploads): their body
 * may be as large as the configuration property {@link #maxBytesProperty} says, plus the multipart
 * framing. Every other operation gets {@link RequestBodyLimit}'s small limit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {

    /** The configuration property with the largest content the operation takes, in bytes. */
    String maxBytesProperty();

    /** Used when the property is not set. */
    long defaultMaxBytes();
}
