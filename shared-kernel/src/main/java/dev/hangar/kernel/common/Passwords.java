package dev.hangar.kernel.common;

import java.security.SecureRandom;

/** Generated credentials: letters, digits and a few specials that every engine and URI can carry. */
public final class Passwords {

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "$!#%*+-_";
    private static final String ALL = LOWER + UPPER + DIGITS + SPECIAL;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** At least one of each class, so that seed 003's password policy would accept it too. */
    public static String generate(int length) {
        char[] chars = new char[length];
        chars[0] = pick(UPPER);
        chars[1] = pick(DIGITS);
        chars[2] = pick(SPECIAL);
        chars[3] = pick(LOWER);
        for (int i = 4; i < length; i++) {
            chars[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        return new String(chars);
    }

    public static String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return out.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
