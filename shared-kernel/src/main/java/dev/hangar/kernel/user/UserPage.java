package dev.hangar.kernel.user;

import java.util.List;

public record UserPage(List<UserView> users, long total) {
}
