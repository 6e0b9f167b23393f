// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

// The built-in schemas of storage.k8s.io/v1, coordination.k8s.io/v1 and scheduling.k8s.io/v1:
// StorageClass, Lease, PriorityClass.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

void addStorageCoordinationScheduling(Builder &b)
{
    b.add(core("TopologySelectorLabelRequirement"), type("A label and the values it may have.", {
        str("key", "The label key."), strings("values", "Allowed values."),
    }, {"key", "values"}));
    b.add(core("TopologySelectorTerm"), atomicType(type("A topology domain, by node labels.", {
        list("matchLabelExpressions", core("TopologySelectorLabelRequirement"), "Label requirements, ANDed."),
    })));
    b.resource("storage.k8s.io", "v1", "StorageClass", "storageclasses", storage("StorageClass"),
               "A kind of storage that claims can ask for and provisioners create volumes of.", {
        str("provisioner", "The volume plugin or CSI driver that provisions volumes, e.g. rancher.io/local-path."),
        stringMap("parameters", "Provisioner settings."),
        str("reclaimPolicy", "Reclaim policy of provisioned volumes: Delete (default) or Retain."),
        strings("mountOptions", "Mount options of provisioned volumes."),
        flag("allowVolumeExpansion", "Whether claims may grow."),
        str("volumeBindingMode", "Immediate (default) or WaitForFirstConsumer."),
        list("allowedTopologies", core("TopologySelectorTerm"), "Where volumes may be provisioned.", {nullptr, nullptr, "atomic"}),
    }, false);
    b.require(storage("StorageClass"), "provisioner");

    b.add(coordination("LeaseSpec"), type("Who holds a lease and until when.", {
        str("holderIdentity", "Identity of the current holder."),
        i32("leaseDurationSeconds", "Seconds candidates wait after renewTime before taking the lease."),
        ref("acquireTime", meta("MicroTime"), "When the current holder acquired it."),
        ref("renewTime", meta("MicroTime"), "When the holder last renewed it."),
        i32("leaseTransitions", "How many times the holder changed."),
    }));
    b.resource("coordination.k8s.io", "v1", "Lease", "leases", coordination("Lease"),
               "A lock with a holder and a renewal time, used for node heartbeats and leader election.", {
        ref("spec", coordination("LeaseSpec"), "The lease."),
    }, true);

    b.resource("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", scheduling("PriorityClass"),
               "A named pod priority; pods refer to it by priorityClassName.", {
        i32("value", "The priority of pods of this class; higher runs first (user classes at most 1000000000)."),
        flag("globalDefault", "Give this priority to pods without priorityClassName; one class at most."),
        str("description", "What the class is for."),
        str("preemptionPolicy", "PreemptLowerPriority (default) or Never."),
    }, false);
    b.require(scheduling("PriorityClass"), "value");
}

} // namespace Qluster::BuiltinSchemaParts
