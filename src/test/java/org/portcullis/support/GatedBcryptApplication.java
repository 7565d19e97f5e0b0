package org.portcullis.support;

import org.portcullis.PortcullisApplication;
import org.portcullis.service.PasswordHasher;

/**
 * The application with seams around every bcrypt password check: the {@link BurstGate} before it and the
 * {@link PasswordCheckHold} after it. Both are open unless a test arms them.
 */
public class GatedBcryptApplication extends PortcullisApplication {
    @Override
    protected PasswordHasher passwordHasher(int cost) {
        return new PasswordHasher(cost) {
            @Override
            public boolean matches(String password, String hash) {
                BurstGate.arriveAtBcrypt();
                boolean matches = super.matches(password, hash);
                PasswordCheckHold.decided();
                return matches;
            }

            @Override
            public boolean matchesNothing(String password) {
                BurstGate.arriveAtBcrypt();
                boolean matches = super.matchesNothing(password);
                PasswordCheckHold.decided();
                return matches;
            }
        };
    }
}
