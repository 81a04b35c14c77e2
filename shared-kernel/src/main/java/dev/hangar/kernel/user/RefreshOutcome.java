package dev.hangar.kernel.user;

public enum RefreshOutcome { ROTATED, REFUSED }
