# Build reviewapp for Windows: the PyInstaller folder, then an installer with Inno Setup.
#
#     powershell -ExecutionPolicy Bypass -File resources\packaging\windows\build.ps1
#
# Needs Python 3.11+ (python.org or the `py` launcher) and, for the installer,
# Inno Setup 6 (`choco install innosetup`; ISCC.exe on the PATH or in its default place).
# Output: build\packaging\dist\reviewapp\ and build\packaging\reviewapp-<version>-setup.exe
$ErrorActionPreference = "Stop"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Root = Resolve-Path (Join-Path $Here "..\..\..")
$Out = if ($env:REVIEWAPP_BUILD_DIR) { $env:REVIEWAPP_BUILD_DIR } else { Join-Path $Root "build\packaging" }

python -m venv (Join-Path $Out "venv")
if ($LASTEXITCODE -ne 0) { throw "python -m venv failed" }
$Python = Join-Path $Out "venv\Scripts\python.exe"
& $Python -m pip install --quiet --disable-pip-version-check "$Root[gui,grammar,server]" -r (Join-Path $Here "..\requirements.txt")
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath (Join-Path $Out "dist") --workpath (Join-Path $Out "work") (Join-Path $Here "..\reviewapp.spec")
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The version from the package metadata, the one place it is set.
$Version = & $Python -c "from importlib.metadata import version; print(version('reviewapp'))"
& (Join-Path $Out "dist\reviewapp\reviewapp-cli.exe") --version
if ($LASTEXITCODE -ne 0) { throw "the built reviewapp-cli.exe does not start" }

$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DAppFolder=$(Join-Path $Out 'dist\reviewapp')" "/O$Out" (Join-Path $Here "reviewapp.iss")
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
