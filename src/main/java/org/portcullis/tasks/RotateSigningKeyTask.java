package org.portcullis.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.portcullis.service.KeyRotation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/rotate-signing-key}: a new signing key signs from now on; the current one retires and
 * stays published, so every token it signed keeps working until it expires. With
 * {@code ?retire-current=true} the current key is withdrawn instead (deleted): every token it signed is
 * refused at once, on this instance now and on the others at their next key read, and its users sign in
 * again. That is the answer to a leaked private key.
 */
public final class RotateSigningKeyTask extends Task {
    private final KeyRotation rotation;

    public RotateSigningKeyTask(KeyRotation rotation) {
        super("rotate-signing-key");
        this.rotation = rotation;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        boolean withdraw = parameters.getOrDefault("retire-current", List.of()).contains("true");
        KeyRotation.Rotated rotated = rotation.rotateNow(withdraw);
        String previous = rotated.previousKid()
                .map(kid -> withdraw
                        ? " Key " + kid + " is withdrawn: every token it signed is refused."
                        : " Key " + kid + " is retired: it stays published until its tokens have expired.")
                .orElse("");
        output.println("Signing key " + rotated.newKid() + " signs from now on." + previous);
    }
}
