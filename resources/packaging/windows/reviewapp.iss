; Inno Setup script for reviewapp; windows\build.ps1 passes AppVersion and AppFolder.
; A per-user install by default (no administrator needed), system-wide on request.

#ifndef AppVersion
  #error "pass /DAppVersion=... (build.ps1 reads it from the package metadata)"
#endif
#ifndef AppFolder
  #error "pass /DAppFolder=... (the PyInstaller folder dist\reviewapp)"
#endif

[Setup]
AppId={{6F3C2A4E-9B1D-4F7A-8C52-2D7E0B9A41C3}
AppName=reviewapp
AppVersion={#AppVersion}
AppPublisher=reviewapp developers
DefaultDirName={autopf}\reviewapp
DefaultGroupName=reviewapp
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=reviewapp-{#AppVersion}-setup
SetupIconFile=reviewapp.ico
UninstallDisplayIcon={app}\reviewapp.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the reviewapp-cli command to PATH"; Flags: unchecked

[Files]
Source: "{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\reviewapp"; Filename: "{app}\reviewapp.exe"
Name: "{group}\{cm:UninstallProgram,reviewapp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\reviewapp"; Filename: "{app}\reviewapp.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
    Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\reviewapp.exe"; Description: "{cm:LaunchProgram,reviewapp}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
