package lobby.provision.inventory;

import java.util.List;
import lobby.provision.ProvisionException;

/** Everything wrong with an inventory file, one "file:line: what is wrong" per problem. */
public final class InventoryException extends ProvisionException {
    private final List<String> problems;

    InventoryException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
