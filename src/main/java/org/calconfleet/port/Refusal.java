package org.calconfleet.port;

import java.util.List;

/**
 * Why an input was refused, as an i18n message key and the {@link java.text.MessageFormat} arguments
 * that fill its placeholders. Arguments are already text so that ports are never shown with digit
 * grouping ("45,001").
 */
public interface Refusal {

    String messageKey();

    List<String> arguments();
}
