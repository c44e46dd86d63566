PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261123000000_InitialSchema','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261123180000_FlowSessions','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261202060000_TenantEntityIdTemplate','10.0.15');
CREATE TABLE IF NOT EXISTS "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "TargetId" TEXT NOT NULL,
    "ProfileId" TEXT NULL,
    "At" TEXT NOT NULL,
    "Summary" TEXT NOT NULL
);
INSERT INTO AuditEntries VALUES(1,'acme','Ada Admin (user-1)','profile.created','ssp_7GLnConq1PFfsu3Xb2836F','ssp_7GLnConq1PFfsu3Xb2836F','2026-12-04 03:49:30.029','Created profile "Acme SSO" (2 user attributes, 2 strategies)');
INSERT INTO AuditEntries VALUES(2,'acme','Ada Admin (user-1)','custom_text.updated','ssp_7GLnConq1PFfsu3Xb2836F','ssp_7GLnConq1PFfsu3Xb2836F','2026-12-04 03:49:30.741','Set fr/get-started: introduction (28 chars)');
INSERT INTO AuditEntries VALUES(3,'acme','Ada Admin (user-1)','connection.reserved','con_kttGi7LpjnHRrKny','ssp_7GLnConq1PFfsu3Xb2836F','2026-12-04 03:49:31.408','Reserved connection name "Acme-Okta" for a ticket');
INSERT INTO AuditEntries VALUES(4,'acme','Ada Admin (user-1)','ticket.issued','01a23f2b-e6e8-7792-b7a9-08bbf83696d3','ssp_7GLnConq1PFfsu3Xb2836F','2026-12-04 03:49:31.408','Issued ticket for acme.example.com, expires 2026-12-09T03:49:31.408Z, creates "Acme-Okta"');
INSERT INTO AuditEntries VALUES(5,'acme','Ada Admin (user-1)','ticket.issued','01a23f2b-e8b4-7a1c-b278-6dfd4fe6f892','ssp_7GLnConq1PFfsu3Xb2836F','2026-12-04 03:49:31.956','Issued ticket for login.acme.test, expires 2026-12-09T03:49:31.956Z');
CREATE TABLE IF NOT EXISTS "Connections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Connections" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DisplayName" TEXT NULL,
    "Strategy" TEXT NULL,
    "OptionsJson" TEXT NOT NULL,
    "DomainAliases" TEXT NOT NULL,
    "EnabledClients" TEXT NOT NULL,
    "EnabledOrganizationsJson" TEXT NOT NULL,
    "IsDomainConnection" INTEGER NOT NULL,
    "ShowAsButton" INTEGER NOT NULL,
    "Metadata" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "CreatedFromTicketId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
INSERT INTO Connections VALUES('con_kttGi7LpjnHRrKny','acme','Acme-Okta',NULL,NULL,'{}','[]','[]','[]',0,0,'{}',0,'01A23F2B-E6E8-7792-B7A9-08BBF83696D3','2026-12-04 03:49:31.408','2026-12-04 03:49:31.408');
INSERT INTO Connections VALUES('con_3Hs8Vb2Lp6Qw9Xy4','acme','acme-oidc',NULL,'samlp','{}','[]','[]','[]',0,0,'{}',0,NULL,'2026-12-03 09:16:30.123','2026-12-03 09:16:30.123');
INSERT INTO Connections VALUES('con_9Zx2Kq7Wm4Np8Rt3','acme','Acme-OIDC','Acme OIDC','oidc','{"type":"back_channel","discovery_url":"https://idp.acme.test/.well-known/openid-configuration","client_id":"acme-client","client_secret":"CfDJ8BHWfHeVSe9OqgnT3HOq5eHudvgaZBfr8vH9D8M5D57_GIjSfHnlPaBMJLcyrsoP9vxJ83V9y3m2m-XsHzI-_Ep8FTRGKKOVuQ80wIW4ExzFWvSTN_g-nR7rzc7YDoH6lWyAjzXqIKrI_4mAwaXrCOI","scope":"openid profile email"}','["acme.test"]','["client-1"]','[]',0,0,'{"r\u00E9gion":"eu-west","none":null}',1,'01A23F2B-E6E8-7792-B7A9-08BBF83696D3','2026-12-03 09:15:30.123','2026-12-03 09:15:30.123');
CREATE TABLE IF NOT EXISTS "SsoTickets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SsoTickets" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ProfileId" TEXT NOT NULL,
    "SecretHash" BLOB NOT NULL,
    "IssuedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "FirstOpenedAt" TEXT NULL,
    "OpenCount" INTEGER NOT NULL,
    "RevokedAt" TEXT NULL,
    "ConnectionId" TEXT NULL,
    "Domain" TEXT NOT NULL,
    "RequestJson" TEXT NOT NULL,
    "CompletedAt" TEXT NULL
);
INSERT INTO SsoTickets VALUES('01A23F2B-E6E8-7792-B7A9-08BBF83696D3','acme','ssp_7GLnConq1PFfsu3Xb2836F',X'10caf0a5f6bbb40510d52bd8d6d12bf918967eeb8157a25171893ab77d4df44d','Ada Admin (user-1)','2026-12-04 03:49:31.408','2026-12-09 03:49:31.408','2026-12-04 03:49:32.067',1,NULL,'con_kttGi7LpjnHRrKny','acme.example.com','{"connection_config":{"name":"Acme-Okta"}}',NULL);
INSERT INTO SsoTickets VALUES('01A23F2B-E8B4-7A1C-B278-6DFD4FE6F892','acme','ssp_7GLnConq1PFfsu3Xb2836F',X'fca3027a51ac7ca3ca0ef256fb885c4ba1e4648bd3446699d651777c9367338f','Ada Admin (user-1)','2026-12-04 03:49:31.956','2026-12-09 03:49:31.956',NULL,0,NULL,NULL,'login.acme.test','{}',NULL);
CREATE TABLE IF NOT EXISTS "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Domain" TEXT NOT NULL,
    "CustomDomains" TEXT NOT NULL,
    "MaxProfiles" INTEGER NULL,
    "EntraTenantId" TEXT NULL,
    "LoginCallbackUrl" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
, "EntityIdTemplate" TEXT NULL);
INSERT INTO Tenants VALUES('acme','Acme Corp','acme.example.com','["login.acme.test"]',5,NULL,NULL,'2026-12-04 03:49:28.808','urn:acme:{connection}');
CREATE TABLE IF NOT EXISTS "SelfServiceProfiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SelfServiceProfiles" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "AllowedStrategies" TEXT NOT NULL,
    "UserAttributeProfileId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Branding" TEXT NULL,
    "UserAttributes" TEXT NULL,
    CONSTRAINT "FK_SelfServiceProfiles_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
INSERT INTO SelfServiceProfiles VALUES('ssp_7GLnConq1PFfsu3Xb2836F','acme','Acme SSO','Made by the 2026-12-03 release','["oidc","samlp"]',NULL,'2026-12-04 03:49:30.029','2026-12-04 03:49:30.029','FA3F5541-AC6F-4DFE-8AAD-923C0DDBE9F7',NULL,'[{"Description":"Work e-mail","IsOptional":false,"Name":"email"},{"Description":"D\u00E9partement","IsOptional":true,"Name":"department"}]');
CREATE TABLE IF NOT EXISTS "CustomTexts" (
    "ProfileId" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Page" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    "Entries" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_CustomTexts" PRIMARY KEY ("ProfileId", "Language", "Page"),
    CONSTRAINT "FK_CustomTexts_SelfServiceProfiles_ProfileId" FOREIGN KEY ("ProfileId") REFERENCES "SelfServiceProfiles" ("Id") ON DELETE CASCADE
);
INSERT INTO CustomTexts VALUES('ssp_7GLnConq1PFfsu3Xb2836F','fr','get-started','acme','{"introduction":"Bienvenue chez \u003Cb\u003EAcme\u003C/b\u003E \u2713"}','2026-12-04 03:49:30.741');
CREATE TABLE IF NOT EXISTS "FlowSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FlowSessions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "TicketId" TEXT NOT NULL,
    "TokenHash" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "Step" TEXT NOT NULL,
    "Strategy" TEXT NULL,
    "DraftJson" TEXT NULL,
    "TestStateJson" TEXT NULL,
    "TestResultJson" TEXT NULL,
    "TestCompletedAt" TEXT NULL,
    "ConnectionId" TEXT NULL
);
INSERT INTO FlowSessions VALUES('31BF66F8-FA46-489E-BCD4-B2BD7F189114','acme','01A23F2B-E6E8-7792-B7A9-08BBF83696D3',X'839325ca722965c425c4ef5284702bdc98dee9b97c84bdafa776eafbee8ddb9e','2026-12-04 03:49:32.067','2026-12-04 08:49:32.067',NULL,'GetStarted',NULL,NULL,NULL,NULL,NULL,NULL);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('AuditEntries',5);
CREATE INDEX "IX_AuditEntries_TenantId_At" ON "AuditEntries" ("TenantId", "At");
CREATE INDEX "IX_AuditEntries_TenantId_ProfileId" ON "AuditEntries" ("TenantId", "ProfileId");
CREATE UNIQUE INDEX "IX_Connections_TenantId_Name" ON "Connections" ("TenantId", "Name");
CREATE INDEX "IX_CustomTexts_TenantId" ON "CustomTexts" ("TenantId");
CREATE INDEX "IX_SelfServiceProfiles_TenantId_CreatedAt_Id" ON "SelfServiceProfiles" ("TenantId", "CreatedAt", "Id");
CREATE UNIQUE INDEX "IX_SsoTickets_SecretHash" ON "SsoTickets" ("SecretHash");
CREATE INDEX "IX_SsoTickets_TenantId_ProfileId_CreatedAt" ON "SsoTickets" ("TenantId", "ProfileId", "CreatedAt");
CREATE INDEX "IX_Tenants_EntraTenantId" ON "Tenants" ("EntraTenantId");
CREATE UNIQUE INDEX "IX_FlowSessions_TokenHash" ON "FlowSessions" ("TokenHash");
CREATE INDEX "IX_FlowSessions_TicketId" ON "FlowSessions" ("TicketId");
COMMIT;
