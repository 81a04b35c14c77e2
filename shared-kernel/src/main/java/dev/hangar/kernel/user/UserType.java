package dev.hangar.kernel.user;

public enum UserType { INDIVIDUAL, ORGANIZATION }
