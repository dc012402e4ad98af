-- Remiss: the database and its two logins, least privilege (infra/README.md, "SQL Server logins").
-- Run by the one-shot "db-init" service as sa, with sqlcmd variables MIGRATOR_PASSWORD and APP_PASSWORD.
-- Idempotent: every start runs it, and a changed password in infra/.env is applied.
--   remiss_migrator  owns the database: the "migrate" step applies EF Core's migrations and Hangfire's schema with it.
--   remiss_app       reads and writes rows, nothing else: the web instances connect with it.

IF DB_ID(N'Remiss') IS NULL
    CREATE DATABASE [Remiss];
GO

IF SUSER_ID(N'remiss_migrator') IS NULL
    CREATE LOGIN [remiss_migrator] WITH PASSWORD = N'$(MIGRATOR_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [Remiss];
ELSE
    ALTER LOGIN [remiss_migrator] WITH PASSWORD = N'$(MIGRATOR_PASSWORD)';

IF SUSER_ID(N'remiss_app') IS NULL
    CREATE LOGIN [remiss_app] WITH PASSWORD = N'$(APP_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [Remiss];
ELSE
    ALTER LOGIN [remiss_app] WITH PASSWORD = N'$(APP_PASSWORD)';
GO

USE [Remiss];
GO

IF USER_ID(N'remiss_migrator') IS NULL
    CREATE USER [remiss_migrator] FOR LOGIN [remiss_migrator];
IF USER_ID(N'remiss_app') IS NULL
    CREATE USER [remiss_app] FOR LOGIN [remiss_app];

ALTER ROLE [db_owner] ADD MEMBER [remiss_migrator];
ALTER ROLE [db_datareader] ADD MEMBER [remiss_app];
ALTER ROLE [db_datawriter] ADD MEMBER [remiss_app];
GO
