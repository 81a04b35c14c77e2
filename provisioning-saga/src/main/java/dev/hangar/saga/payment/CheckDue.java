package dev.hangar.saga.payment;

/** The payload of the payment sagas' deadlines (a deadline handler's first parameter is its payload). */
public record CheckDue(String id) {
}
