// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "logging.h"

Q_LOGGING_CATEGORY(lcConfig, "qluster.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "qluster.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWatch, "qluster.watch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDiscovery, "qluster.discovery", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "qluster.sandbox", QtInfoMsg)
