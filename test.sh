#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the system packages the tests drive when they are missing
# (as root through apt-get), then runs dotnet test over the solution. Extra arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests start or call themselves (see docs/operations.md#tests).
# chromium: the door page's browser test; zbar-tools: an independent QR decoder for passes;
# python3-aiosmtpd: a real SMTP server on loopback for the notification tests.
packages=(chromium zbar-tools python3-aiosmtpd)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dotnet test PressConference.sln --logger "trx" --results-directory TestResults "$@"
