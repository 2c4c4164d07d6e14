; Inno Setup script: a per-user or all-users installer of the one-folder Windows build.
;
; On Windows, from the repository root:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[dist]
;   .venv\Scripts\python installer\build.py
;   iscc /DAppVersion=<storebrowser.__version__> installer\windows\storebrowser.iss
; build.py leaves dist\storebrowser\ (storebrowser.exe, storebrowser-cli.exe, _internal\)
; with the icon built into the exe; the installer lands in dist\.
; Paths below are relative to this file's folder (SourceDir).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z storebrowser.iss
#endif

[Setup]
AppId={{5B0E7C53-7A1E-4C53-9F0B-2D6A3C1E8B41}
AppName=StoreBrowser
AppVersion={#AppVersion}
AppPublisher=StoreBrowser
DefaultDirName={autopf}\StoreBrowser
DefaultGroupName=StoreBrowser
DisableProgramGroupPage=yes
; Installs for the current user unless the user picks all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=storebrowser-{#AppVersion}-windows-x64-setup
UninstallDisplayIcon={app}\storebrowser.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\storebrowser\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\StoreBrowser"; Filename: "{app}\storebrowser.exe"
Name: "{autodesktop}\StoreBrowser"; Filename: "{app}\storebrowser.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\storebrowser.exe"; Description: "{cm:LaunchProgram,StoreBrowser}"; Flags: nowait postinstall skipifsilent
