package org.calconfleet.host.rpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against a real Samba ({@link SambaServer}): skipped loudly where Samba is not installed, failed instead
 * when {@value SambaAvailable#REQUIRED}{@code =true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("samba")
@ExtendWith(SambaAvailable.class)
public @interface SambaTest {
}
