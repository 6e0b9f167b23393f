// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/edit, YAML <-> JSON):
//   Result<QJsonValue> v = yamlToJson(body);            // one document (apply-patch+yaml bodies)
//   Result<QList<QJsonValue>> all = yamlDocumentsToJson(text);   // "---" separated documents
//   QByteArray yaml = jsonToYaml(object);               // for the YAML editor / kubectl -o yaml
// The project's one YAML layer: every YAML read (API bodies, the kubeconfig, the editor) and write
// goes through here. Plain scalars resolve like sigs.k8s.io/yaml (go-yaml v2, YAML 1.1):
// true/yes/on -> bool, 12 / 0x1F / 0755 -> int, 1.5 -> number, ~/null -> null, plain keys
// likewise to their JSON text (`on:` is "true"); quoted scalars always stay strings.
// Errors are Error::Kind::Parse with 1-based line and column.

#include "util/result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace YAML { class Node; }

namespace Qluster {

/// resolveYamlScalar is what a plain (unquoted) YAML scalar means to sigs.k8s.io/yaml (go-yaml v2,
/// YAML 1.1): null, a boolean, an integer, a floating-point number (±infinity and NaN included)
/// or, when none of those, the text as a string. The one table of YAML's special words: the
/// readers, the writer's quoting and the editor's highlighting all ask it.
QJsonValue resolveYamlScalar(const QString &text);

/// yamlToJson parses exactly one YAML (or JSON) document into JSON; an empty input is null.
Result<QJsonValue> yamlToJson(const QByteArray &yaml, const QString &file = QString());

/// yamlDocumentsToJson parses a stream of "---" separated documents, skipping empty ones.
Result<QList<QJsonValue>> yamlDocumentsToJson(const QByteArray &yaml, const QString &file = QString());

/// yamlNodeToJson converts one node a reader parsed with yaml-cpp as yamlToJson does (for readers
/// that walk yaml-cpp nodes themselves, such as the kubeconfig decoder).
Result<QJsonValue> yamlNodeToJson(const YAML::Node &node, const QString &file = QString());
/// jsonToYaml renders a JSON value as block YAML that yamlToJson reads back to the same value.
QByteArray jsonToYaml(const QJsonValue &value);

} // namespace Qluster
