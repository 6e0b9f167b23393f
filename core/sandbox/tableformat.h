// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to core/sandbox: what the Table printers (tableprinter*.cpp) are written with.
// Callers want tableprinter.h.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <initializer_list>

namespace Qluster {

/// TableFormat declares Table columns and reads and formats the cells of the built-in printers
/// the way kubectl's printers (pkg/printers/internalversion) do.
namespace TableFormat {

/// TableFormat::nameDescription is the upstream description of the Name column.
inline constexpr char nameDescription[] =
    "Name must be unique within a namespace. Is required when creating resources, although some "
    "resources may allow a client to request the generation of an appropriate name automatically. "
    "Name is primarily intended for creation idempotence and configuration definition. Cannot be "
    "updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names";
/// TableFormat::ageDescription is the upstream description of the Age (and Created At) column.
inline constexpr char ageDescription[] =
    "CreationTimestamp is a timestamp representing the server time when this object was created. "
    "It is not guaranteed to be set in happens-before order across separate operations. Clients "
    "may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the "
    "system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/// Col is one column definition written as literals.
struct Col
{
    const char *name;
    const char *type;
    const char *description;
    int priority;
    const char *format;
};

/// TableFormat::column is one `columnDefinitions` entry.
QJsonObject column(const QString &name, const QString &type, const QString &format,
                   const QString &description, int priority);

/// TableFormat::columns is the `columnDefinitions` array of these columns, in order.
QJsonArray columns(std::initializer_list<Col> cols);

/// TableFormat::nameCol is the Name column most kinds start with.
inline constexpr Col nameCol{"Name", "string", nameDescription, 0, "name"};
/// TableFormat::ageCol is the Age column.
inline constexpr Col ageCol{"Age", "string", ageDescription, 0, ""};
/// TableFormat::containersCol is the wide Containers column of the kinds with a pod template.
inline constexpr Col containersCol{"Containers", "string", "Names of each container in the template.", 1, ""};
/// TableFormat::imagesCol is the wide Images column of the kinds with a pod template.
inline constexpr Col imagesCol{"Images", "string", "Images referenced by each container in the template.", 1, ""};

/// TableFormat::at is the value at a path of object keys (undefined where one is missing).
QJsonValue at(const QJsonObject &o, std::initializer_list<const char *> path);
/// TableFormat::str is the string at a path ("" when missing).
QString str(const QJsonObject &o, std::initializer_list<const char *> path);
/// TableFormat::num is the integer at a path (0 when missing).
int num(const QJsonObject &o, std::initializer_list<const char *> path);
/// TableFormat::orNone is s, or "<none>" when it is empty.
QString orNone(const QString &s);

/// TableFormat::sinceTime is the time since an RFC 3339 timestamp as kubectl prints it ("<unknown>" when invalid).
QString sinceTime(const QString &ts, const QDateTime &now);
/// TableFormat::age is the time since the object's creationTimestamp, as the Age column shows it.
QString age(const QJsonObject &o, const QDateTime &now);

/// TableFormat::selectorText prints a LabelSelector as kubectl does ("a=b,c in (d,e)", "<none>" when empty).
QString selectorText(const QJsonObject &selector);
/// TableFormat::mapSelectorText prints a map of labels as "a=b,c=d" ("<none>" when empty).
QString mapSelectorText(const QJsonObject &labels);
/// TableFormat::intOrStringText prints an IntOrString as intstr.String() does.
QString intOrStringText(const QJsonValue &v);

} // namespace TableFormat

} // namespace Qluster
