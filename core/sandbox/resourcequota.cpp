// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcequota.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Qluster {

namespace {

using Int128 = __int128;

constexpr Int128 kNanoPerUnit = 1000000000;
// Quantities beyond this many nano units (1e36) are refused rather than overflowing.
constexpr Int128 kLimit = Int128(1000000000000000000LL) * Int128(1000000000000000000LL);

Int128 power(Int128 base, int exponent)
{
    Int128 result = 1;
    for (int i = 0; i < exponent; ++i)
        result *= base;
    return result;
}

QString int128ToString(Int128 value)
{
    if (value == 0)
        return QStringLiteral("0");
    const bool negative = value < 0;
    QString digits;
    while (value != 0) {
        const int digit = int(value % 10);
        digits.prepend(QLatin1Char(char('0' + (digit < 0 ? -digit : digit))));
        value /= 10;
    }
    return negative ? QLatin1Char('-') + digits : digits;
}

struct Suffix
{
    const char *text;
    int base;     // 2 or 10
    int exponent; // of 1024 for base 2, of 10 for base 10
};

constexpr Suffix kSuffixes[] = {
    {"Ki", 2, 1}, {"Mi", 2, 2}, {"Gi", 2, 3}, {"Ti", 2, 4}, {"Pi", 2, 5}, {"Ei", 2, 6},
    {"n", 10, -9}, {"u", 10, -6}, {"m", 10, -3}, {"", 10, 0}, {"k", 10, 3}, {"M", 10, 6},
    {"G", 10, 9}, {"T", 10, 12}, {"P", 10, 15}, {"E", 10, 18},
};

QString decimalSuffix(int exponent)
{
    for (const Suffix &s : kSuffixes) {
        if (s.base == 10 && s.exponent == exponent)
            return QLatin1String(s.text);
    }
    return QString();
}

// value * 10^exponent rounded away from zero when exponent < 0; false on overflow.
bool scale(Int128 value, int exponent, Int128 *out)
{
    if (exponent >= 0) {
        for (int i = 0; i < exponent; ++i) {
            if (value > kLimit / 10 || value < -kLimit / 10)
                return false;
            value *= 10;
        }
        *out = value;
        return true;
    }
    if (exponent < -40) {
        *out = value == 0 ? 0 : (value > 0 ? 1 : -1);
        return true;
    }
    const Int128 divisor = power(10, -exponent);
    Int128 q = value / divisor;
    if (value % divisor != 0)
        q += value > 0 ? 1 : -1;
    *out = q;
    return true;
}

const QString kPods = QStringLiteral("pods");
const QString kServices = QStringLiteral("services");
const QString kClaims = QStringLiteral("persistentvolumeclaims");
const QString kStorageClassInfix = QStringLiteral(".storageclass.storage.k8s.io/");

QJsonObject at(const QJsonObject &o, const char *a, const char *b = nullptr)
{
    QJsonObject v = o.value(QLatin1String(a)).toObject();
    return b ? v.value(QLatin1String(b)).toObject() : v;
}

std::optional<ResourceQuantity> quantityOf(const QJsonObject &list, const QString &name)
{
    const QJsonValue v = list.value(name);
    if (v.isString())
        return ResourceQuantity::parse(v.toString());
    if (v.isDouble())
        return ResourceQuantity::parse(QString::number(v.toDouble(), 'g', 17));
    return std::nullopt;
}

// What one container asks for: requests default to limits, as the apiserver's defaulting does.
std::optional<ResourceQuantity> containerAmount(const QJsonObject &container, const QString &resource, bool limits)
{
    const QJsonObject resources = container.value(QLatin1String("resources")).toObject();
    const QJsonObject limitList = resources.value(QLatin1String("limits")).toObject();
    if (limits)
        return quantityOf(limitList, resource);
    if (auto request = quantityOf(resources.value(QLatin1String("requests")).toObject(), resource))
        return request;
    return quantityOf(limitList, resource);
}

// The pod's effective amount: the sum over containers and sidecars, or the largest single
// init container when that is more (pkg/api/v1/resource PodRequests, without overhead).
std::optional<ResourceQuantity> podAmount(const QJsonObject &pod, const QString &resource, bool limits)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    std::optional<ResourceQuantity> sum;
    auto addTo = [](std::optional<ResourceQuantity> &total, const ResourceQuantity &q) {
        if (!total)
            total = q;
        else
            total->add(q);
    };
    std::optional<ResourceQuantity> largestInit;
    for (const QJsonValue &c : spec.value(QLatin1String("initContainers")).toArray()) {
        const auto amount = containerAmount(c.toObject(), resource, limits);
        if (!amount)
            continue;
        if (c.toObject().value(QLatin1String("restartPolicy")).toString() == QLatin1String("Always"))
            addTo(sum, *amount); // a sidecar runs alongside the containers
        else if (!largestInit || *amount > *largestInit)
            largestInit = amount;
    }
    for (const QJsonValue &c : spec.value(QLatin1String("containers")).toArray()) {
        if (const auto amount = containerAmount(c.toObject(), resource, limits))
            addTo(sum, *amount);
    }
    if (largestInit && (!sum || *largestInit > *sum))
        return largestInit;
    return sum;
}

// requests.cpu -> (cpu, requests); limits.memory -> (memory, limits); cpu -> (cpu, requests).
std::optional<std::pair<QString, bool>> computeResource(const QString &name)
{
    if (name.startsWith(QLatin1String("requests.")) && name != QLatin1String("requests.storage"))
        return std::pair{name.mid(9), false};
    if (name.startsWith(QLatin1String("limits.")))
        return std::pair{name.mid(7), true};
    if (name == QLatin1String("cpu") || name == QLatin1String("memory") || name == QLatin1String("ephemeral-storage")
        || name.startsWith(QLatin1String("hugepages-")))
        return std::pair{name, false};
    return std::nullopt;
}

QString storageClassOf(const QJsonObject &claim)
{
    const QString annotated = at(claim, "metadata", "annotations").value(QLatin1String("volume.beta.kubernetes.io/storage-class")).toString();
    return annotated.isEmpty() ? at(claim, "spec").value(QLatin1String("storageClassName")).toString() : annotated;
}

} // namespace

std::optional<ResourceQuantity> ResourceQuantity::parse(const QString &input)
{
    const QString text = input.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text.at(i) == QLatin1Char('+') || text.at(i) == QLatin1Char('-')))
        negative = text.at(i++) == QLatin1Char('-');
    Int128 mantissa = 0;
    int fractionDigits = 0;
    int digits = 0;
    bool dot = false;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('.') && !dot) {
            dot = true;
            continue;
        }
        if (c.unicode() < '0' || c.unicode() > '9')
            break;
        if (mantissa > kLimit / 10)
            return std::nullopt;
        mantissa = mantissa * 10 + (c.unicode() - '0');
        ++digits;
        if (dot)
            ++fractionDigits;
    }
    if (digits == 0)
        return std::nullopt;
    const QString suffix = text.mid(i);
    ResourceQuantity q;
    q.m_written = true;
    Int128 value = 0;
    bool known = false;
    for (const Suffix &s : kSuffixes) {
        if (suffix != QLatin1String(s.text))
            continue;
        known = true;
        if (s.base == 2) {
            q.m_format = Format::BinarySI;
            const Int128 factor = power(1024, s.exponent);
            if (mantissa > kLimit / factor)
                return std::nullopt;
            if (!scale(mantissa * factor, 9 - fractionDigits, &value))
                return std::nullopt;
        } else {
            q.m_format = Format::DecimalSI;
            if (!scale(mantissa, s.exponent + 9 - fractionDigits, &value))
                return std::nullopt;
        }
        break;
    }
    if (!known) {
        // Decimal exponent: e3, E-2, e+6.
        if (suffix.size() < 2 || (suffix.at(0) != QLatin1Char('e') && suffix.at(0) != QLatin1Char('E')))
            return std::nullopt;
        bool ok = false;
        const int exponent = suffix.mid(1).toInt(&ok);
        if (!ok || exponent > 40 || exponent < -40)
            return std::nullopt;
        q.m_format = Format::DecimalExponent;
        if (!scale(mantissa, exponent + 9 - fractionDigits, &value))
            return std::nullopt;
    }
    q.m_nano = negative ? -value : value;
    return q;
}

ResourceQuantity ResourceQuantity::fromCount(qint64 count)
{
    ResourceQuantity q;
    q.m_nano = Int128(count) * kNanoPerUnit;
    q.m_written = true;
    return q;
}

void ResourceQuantity::add(const ResourceQuantity &other)
{
    if (!m_written)
        m_format = other.m_format;
    m_written = m_written || other.m_written;
    m_nano += other.m_nano;
}

QString ResourceQuantity::toString() const
{
    if (m_nano == 0)
        return QStringLiteral("0");
    Format format = m_format;
    // Binary suffixes are for whole numbers of at least 1024 (quantity.go CanonicalizeBytes).
    const Int128 magnitude = m_nano < 0 ? -m_nano : m_nano;
    if (format == Format::BinarySI && (magnitude < 1024 * kNanoPerUnit || magnitude % kNanoPerUnit != 0))
        format = Format::DecimalSI;
    if (format == Format::BinarySI) {
        Int128 units = m_nano / kNanoPerUnit;
        int exponent = 0;
        while (exponent < 6 && units % 1024 == 0) {
            units /= 1024;
            ++exponent;
        }
        static const char *const binary[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        return int128ToString(units) + QLatin1String(binary[exponent]);
    }
    // The largest exponent (a multiple of 3) that leaves a whole mantissa.
    int exponent = -9;
    Int128 mantissa = m_nano;
    while (mantissa % 1000 == 0 && (format == Format::DecimalExponent || exponent < 18)) {
        mantissa /= 1000;
        exponent += 3;
    }
    if (format == Format::DecimalExponent)
        return int128ToString(mantissa) + (exponent == 0 ? QString() : QLatin1Char('e') + QString::number(exponent));
    return int128ToString(mantissa) + decimalSuffix(exponent);
}

namespace QuotaAccounting {

std::optional<GroupResource> countedResource(const QString &name)
{
    if (name.startsWith(QLatin1String("count/"))) {
        const QString rest = name.mid(6);
        const qsizetype dot = rest.indexOf(QLatin1Char('.'));
        if (rest.isEmpty() || dot == 0)
            return std::nullopt;
        return dot < 0 ? GroupResource{QString(), rest} : GroupResource{rest.mid(dot + 1), rest.left(dot)};
    }
    if (name == kPods || computeResource(name))
        return GroupResource{QString(), kPods};
    if (name == kServices || name == QLatin1String("services.loadbalancers") || name == QLatin1String("services.nodeports"))
        return GroupResource{QString(), kServices};
    if (name == kClaims || name == QLatin1String("requests.storage") || name.contains(kStorageClassInfix))
        return GroupResource{QString(), kClaims};
    for (const char *counted : {"secrets", "configmaps", "replicationcontrollers", "resourcequotas"}) {
        if (name == QLatin1String(counted))
            return GroupResource{QString(), name};
    }
    return std::nullopt;
}

bool countsTowardQuota(const GroupResource &resource, const QJsonObject &object)
{
    if (resource.group.isEmpty() && resource.resource == kPods) {
        const QString phase = at(object, "status").value(QLatin1String("phase")).toString();
        if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            return false;
        return !at(object, "metadata").contains(QLatin1String("deletionTimestamp"));
    }
    return true;
}

bool matchesScopes(const QJsonObject &quotaSpec, const GroupResource &resource, const QJsonObject &object)
{
    // Each scope is a requirement; scopes and scopeSelector expressions are ANDed.
    struct Requirement
    {
        QString scope;
        QString op;
        QStringList values;
    };
    QList<Requirement> requirements;
    for (const QJsonValue &v : quotaSpec.value(QLatin1String("scopes")).toArray())
        requirements.append({v.toString(), QStringLiteral("Exists"), {}});
    for (const QJsonValue &v : at(quotaSpec, "scopeSelector").value(QLatin1String("matchExpressions")).toArray()) {
        const QJsonObject e = v.toObject();
        QStringList values;
        for (const QJsonValue &value : e.value(QLatin1String("values")).toArray())
            values << value.toString();
        requirements.append({e.value(QLatin1String("scopeName")).toString(), e.value(QLatin1String("operator")).toString(), values});
    }
    if (requirements.isEmpty())
        return true;
    if (!resource.group.isEmpty() || resource.resource != kPods)
        return false;
    const QJsonObject spec = at(object, "spec");
    bool bestEffort = true;
    for (const char *list : {"containers", "initContainers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray()) {
            const QJsonObject resources = c.toObject().value(QLatin1String("resources")).toObject();
            if (!resources.value(QLatin1String("requests")).toObject().isEmpty() || !resources.value(QLatin1String("limits")).toObject().isEmpty())
                bestEffort = false;
        }
    }
    const bool terminating = spec.value(QLatin1String("activeDeadlineSeconds")).isDouble();
    const QString priorityClass = spec.value(QLatin1String("priorityClassName")).toString();
    for (const Requirement &r : std::as_const(requirements)) {
        bool matches = false;
        if (r.scope == QLatin1String("PriorityClass")) {
            if (r.op == QLatin1String("In"))
                matches = r.values.contains(priorityClass);
            else if (r.op == QLatin1String("NotIn"))
                matches = !r.values.contains(priorityClass);
            else if (r.op == QLatin1String("DoesNotExist"))
                matches = priorityClass.isEmpty();
            else
                matches = !priorityClass.isEmpty();
        } else {
            if (r.scope == QLatin1String("Terminating"))
                matches = terminating;
            else if (r.scope == QLatin1String("NotTerminating"))
                matches = !terminating;
            else if (r.scope == QLatin1String("BestEffort"))
                matches = bestEffort;
            else if (r.scope == QLatin1String("NotBestEffort"))
                matches = !bestEffort;
            if (r.op == QLatin1String("DoesNotExist"))
                matches = !matches;
        }
        if (!matches)
            return false;
    }
    return true;
}

ResourceList usage(const QJsonObject &object, const GroupResource &resource, const QStringList &names)
{
    ResourceList used;
    const bool pods = resource.group.isEmpty() && resource.resource == kPods;
    const bool services = resource.group.isEmpty() && resource.resource == kServices;
    const bool claims = resource.group.isEmpty() && resource.resource == kClaims;
    for (const QString &name : names) {
        if (countedResource(name) != resource)
            continue;
        if (pods) {
            if (const auto compute = computeResource(name)) {
                if (const auto amount = podAmount(object, compute->first, compute->second))
                    used.insert(name, *amount);
                continue;
            }
        } else if (services) {
            const QJsonObject spec = at(object, "spec");
            const QString type = spec.value(QLatin1String("type")).toString();
            const QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
            if (name == QLatin1String("services.loadbalancers")) {
                used.insert(name, ResourceQuantity::fromCount(type == QLatin1String("LoadBalancer") ? 1 : 0));
                continue;
            }
            if (name == QLatin1String("services.nodeports")) {
                qint64 count = 0;
                const bool allocates = !spec.contains(QLatin1String("allocateLoadBalancerNodePorts"))
                                       || spec.value(QLatin1String("allocateLoadBalancerNodePorts")).toBool();
                if (type == QLatin1String("NodePort") || (type == QLatin1String("LoadBalancer") && allocates)) {
                    count = ports.size();
                } else if (type == QLatin1String("LoadBalancer")) {
                    count = std::count_if(ports.begin(), ports.end(), [](const QJsonValue &p) {
                        return p.toObject().value(QLatin1String("nodePort")).toInt() > 0;
                    });
                }
                used.insert(name, ResourceQuantity::fromCount(count));
                continue;
            }
        } else if (claims && name != kClaims && !name.startsWith(QLatin1String("count/"))) {
            // requests.storage, or per storage class: <class>.storageclass.storage.k8s.io/<what>.
            const qsizetype infix = name.indexOf(kStorageClassInfix);
            if (infix >= 0 && storageClassOf(object) != name.left(infix))
                continue;
            const QString what = infix >= 0 ? name.mid(infix + kStorageClassInfix.size()) : name;
            if (what == kClaims) {
                used.insert(name, ResourceQuantity::fromCount(1));
            } else if (what == QLatin1String("requests.storage")) {
                if (const auto storage = quantityOf(at(object, "spec", "resources").value(QLatin1String("requests")).toObject(),
                                                    QStringLiteral("storage")))
                    used.insert(name, *storage);
            }
            continue;
        }
        used.insert(name, ResourceQuantity::fromCount(1));
    }
    return used;
}

QString missingRequests(const QJsonObject &pod, const QStringList &names)
{
    static const QSet<QString> validated{QStringLiteral("cpu"), QStringLiteral("memory"),
                                         QStringLiteral("requests.cpu"), QStringLiteral("requests.memory"),
                                         QStringLiteral("limits.cpu"), QStringLiteral("limits.memory")};
    QSet<QString> required;
    for (const QString &n : names) {
        if (validated.contains(n))
            required.insert(n);
    }
    if (required.isEmpty())
        return QString();
    QMap<QString, QStringList> missing; // resource -> containers
    const QJsonObject spec = at(pod, "spec");
    for (const char *list : {"containers", "initContainers"}) {
        for (const QJsonValue &cv : spec.value(QLatin1String(list)).toArray()) {
            const QJsonObject c = cv.toObject();
            QSet<QString> has;
            for (const QString &resource : {QStringLiteral("cpu"), QStringLiteral("memory")}) {
                if (containerAmount(c, resource, false))
                    has << resource << QStringLiteral("requests.") + resource;
                if (containerAmount(c, resource, true))
                    has << QStringLiteral("limits.") + resource;
            }
            for (const QString &r : required) {
                if (!has.contains(r))
                    missing[r] << c.value(QLatin1String("name")).toString();
            }
        }
    }
    if (missing.isEmpty())
        return QString();
    QStringList parts;
    for (auto it = missing.begin(); it != missing.end(); ++it) {
        QStringList containers = it.value();
        containers.sort();
        containers.removeDuplicates();
        parts << it.key() + QStringLiteral(" for: ") + containers.join(QLatin1Char(','));
    }
    return QStringLiteral("must specify ") + parts.join(QStringLiteral("; "));
}

QStringList exceeded(const ResourceList &hard, const ResourceList &used, const ResourceList &requested)
{
    QStringList names;
    for (auto it = requested.begin(); it != requested.end(); ++it) {
        const auto limit = hard.constFind(it.key());
        if (limit == hard.constEnd())
            continue;
        ResourceQuantity total = used.value(it.key());
        total.add(it.value());
        if (total > *limit)
            names << it.key();
    }
    return names; // QMap iterates in key order
}

QString prettyPrint(const ResourceList &list, const QStringList &names)
{
    QStringList sorted = names;
    sorted.sort();
    QStringList parts;
    for (const QString &n : sorted) {
        if (list.contains(n))
            parts << n + QLatin1Char('=') + list.value(n).toString();
    }
    return parts.join(QLatin1Char(','));
}

QJsonObject toJson(const ResourceList &list)
{
    QJsonObject o;
    for (auto it = list.begin(); it != list.end(); ++it)
        o.insert(it.key(), it.value().toString());
    return o;
}

ResourceList fromJson(const QJsonObject &object)
{
    ResourceList list;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (const auto q = quantityOf(object, it.key()))
            list.insert(it.key(), *q);
    }
    return list;
}

} // namespace QuotaAccounting

} // namespace Qluster
