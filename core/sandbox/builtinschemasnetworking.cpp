// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

// The built-in schemas of networking.k8s.io/v1: Ingress, IngressClass, NetworkPolicy.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

void addNetworking(Builder &b)
{
    b.add(net("ServiceBackendPort"), atomicType(type("A port of the backend service.", {
        str("name", "Port name."), i32("number", "Port number."),
    })));
    b.add(net("IngressServiceBackend"), type("A service that receives traffic.", {
        str("name", "Name of the service."),
        ref("port", net("ServiceBackendPort"), "The service port."),
    }, {"name"}));
    b.add(net("IngressBackend"), type("Where matching traffic goes.", {
        ref("service", net("IngressServiceBackend"), "A service backend."),
        ref("resource", core("TypedLocalObjectReference"), "Another object as backend."),
    }));
    b.add(core("TypedLocalObjectReference"), atomicType(type("A typed reference to an object in the same namespace.", {
        str("apiGroup", "Group of the object."), str("kind", "Kind of the object."), str("name", "Name of the object."),
    }, {"kind", "name"})));
    b.add(net("HTTPIngressPath"), type("A path and the backend serving it.", {
        str("path", "The path to match."),
        str("pathType", "Exact, Prefix or ImplementationSpecific."),
        ref("backend", net("IngressBackend"), "Where matching requests go."),
    }, {"pathType", "backend"}));
    b.add(net("HTTPIngressRuleValue"), type("HTTP paths of a rule.", {
        list("paths", net("HTTPIngressPath"), "The paths.", {nullptr, nullptr, "atomic"}),
    }, {"paths"}));
    b.add(net("IngressRule"), type("Routes for one host.", {
        str("host", "The host name; all hosts when empty."),
        ref("http", net("HTTPIngressRuleValue"), "HTTP routes."),
    }));
    b.add(net("IngressTLS"), type("TLS for some hosts.", {
        strings("hosts", "Hosts covered by the certificate.", {nullptr, nullptr, "atomic"}),
        str("secretName", "Secret holding the certificate and key."),
    }));
    b.add(net("IngressSpec"), type("The desired state of an ingress.", {
        str("ingressClassName", "The ingress class that implements it."),
        ref("defaultBackend", net("IngressBackend"), "Backend for requests no rule matches."),
        list("tls", net("IngressTLS"), "TLS settings.", {nullptr, nullptr, "atomic"}),
        list("rules", net("IngressRule"), "Routing rules.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("IngressPortStatus"), type("The state of one load balancer port.", {
        i32("port", "Port number."), str("protocol", "TCP, UDP or SCTP."), str("error", "Problem with the port."),
    }, {"port", "protocol"}));
    b.add(net("IngressLoadBalancerIngress"), type("An address of the ingress load balancer.", {
        str("ip", "IP address."), str("hostname", "DNS name."),
        list("ports", net("IngressPortStatus"), "Port states.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("IngressLoadBalancerStatus"), type("The state of the ingress load balancer.", {
        list("ingress", net("IngressLoadBalancerIngress"), "Addresses of the load balancer.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("IngressStatus"), type("The observed state of an ingress.", {
        ref("loadBalancer", net("IngressLoadBalancerStatus"), "The load balancer."),
    }));
    b.resource("networking.k8s.io", "v1", "Ingress", "ingresses", net("Ingress"), "HTTP routing from outside the cluster to services.", {
        ref("spec", net("IngressSpec"), "The desired state of the ingress."),
        ref("status", net("IngressStatus"), "The observed state of the ingress."),
    }, true, true);

    b.add(net("IngressClassParametersReference"), type("An object holding settings of an ingress class.", {
        str("apiGroup", "Group of the object."), str("kind", "Kind of the object."), str("name", "Name of the object."),
        str("scope", "Cluster or Namespace."), str("namespace", "Namespace of the object when scope is Namespace."),
    }, {"kind", "name"}));
    b.add(net("IngressClassSpec"), type("The controller implementing a class of ingresses.", {
        str("controller", "Name of the controller, e.g. k8s.io/ingress-nginx."),
        ref("parameters", net("IngressClassParametersReference"), "Settings for the controller."),
    }));
    b.resource("networking.k8s.io", "v1", "IngressClass", "ingressclasses", net("IngressClass"),
               "A class of ingresses and the controller that implements them.", {
        ref("spec", net("IngressClassSpec"), "The class."),
    }, false);

    b.add(net("IPBlock"), type("A range of IP addresses.", {
        str("cidr", "The range, e.g. 10.0.0.0/16."),
        strings("except", "Ranges inside cidr that are excluded.", {nullptr, nullptr, "atomic"}),
    }, {"cidr"}));
    b.add(net("NetworkPolicyPort"), type("A port (or range) traffic may use.", {
        str("protocol", "TCP (default), UDP or SCTP."),
        ref("port", kIntOrString, "Port number or name; all ports when empty."),
        i32("endPort", "Last port of a range starting at port."),
    }));
    b.add(net("NetworkPolicyPeer"), type("Where traffic may come from or go to.", {
        ref("podSelector", meta("LabelSelector"), "Pods, in the namespaces namespaceSelector selects (or the policy's)."),
        ref("namespaceSelector", meta("LabelSelector"), "Namespaces by label; {} selects all."),
        ref("ipBlock", net("IPBlock"), "An IP range."),
    }));
    b.add(net("NetworkPolicyIngressRule"), type("Traffic allowed into the selected pods.", {
        list("ports", net("NetworkPolicyPort"), "Ports allowed; all when empty.", {nullptr, nullptr, "atomic"}),
        list("from", net("NetworkPolicyPeer"), "Sources allowed; all when empty.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("NetworkPolicyEgressRule"), type("Traffic allowed out of the selected pods.", {
        list("ports", net("NetworkPolicyPort"), "Ports allowed; all when empty.", {nullptr, nullptr, "atomic"}),
        list("to", net("NetworkPolicyPeer"), "Destinations allowed; all when empty.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("NetworkPolicySpec"), type("Which pods a policy isolates and what traffic it allows them.", {
        ref("podSelector", meta("LabelSelector"), "The pods the policy applies to; {} selects all of the namespace."),
        list("ingress", net("NetworkPolicyIngressRule"), "Allowed incoming traffic.", {nullptr, nullptr, "atomic"}),
        list("egress", net("NetworkPolicyEgressRule"), "Allowed outgoing traffic.", {nullptr, nullptr, "atomic"}),
        strings("policyTypes", "Ingress, Egress or both: the directions the policy isolates.", {nullptr, nullptr, "atomic"}),
    }, {"podSelector"}));
    b.resource("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", net("NetworkPolicy"),
               "Which traffic the selected pods may receive and send.", {
        ref("spec", net("NetworkPolicySpec"), "The policy."),
    }, true);
}

} // namespace Qluster::BuiltinSchemaParts
