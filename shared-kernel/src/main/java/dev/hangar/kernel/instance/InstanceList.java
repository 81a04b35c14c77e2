package dev.hangar.kernel.instance;

import java.util.List;

/**  */
public record InstanceList(List<InstanceView> instances) {
}
