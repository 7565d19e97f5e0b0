package org.portcullis.db;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;
import org.portcullis.domain.Session;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Marks the DAO argument naming the user whose account or sessions the statement changes (a user id, or
 * the {@link Session} inserted): when the statement changed rows, this instance forgets what it remembers
 * of that user ({@link WriteMarks}). Every statement that can end a caller's access (a revocation, a
 * password change, a lock) carries it, so that this instance never waits for its own notification.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@SqlStatementCustomizingAnnotation(ChangedUser.Factory.class)
public @interface ChangedUser {
    /** Jdbi's hook: a customizer per call that reads the statement's update count after it ran. */
    final class Factory implements SqlStatementCustomizerFactory {
        @Override
        public SqlStatementParameterCustomizer createForParameter(Annotation annotation, Class<?> sqlObjectType,
                                                                  Method method, Parameter param, int index,
                                                                  Type paramType) {
            return (statement, argument) -> {
                UUID userId = argument instanceof Session session ? session.userId() : (UUID) argument;
                statement.addCustomizer(new StatementCustomizer() {
                    @Override
                    public void afterExecution(PreparedStatement executed, StatementContext context)
                            throws SQLException {
                        if (executed.getUpdateCount() > 0) {
                            context.getConfig(WriteMarks.class).changed(userId, statement.getHandle());
                        }
                    }
                });
            };
        }
    }
}
