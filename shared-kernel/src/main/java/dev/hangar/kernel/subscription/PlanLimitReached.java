package dev.hangar.kernel.subscription;

import dev.hangar.kernel.common.HangarException;

public class PlanLimitReached extends HangarException {
    public PlanLimitReached(Plan plan) {
        super(Kind.PLAN_LIMIT, "PLAN_LIMIT_REACHED",
                "Plan " + plan + " allows " + plan.maxInstances() + " instances; all are in use");
    }
}
