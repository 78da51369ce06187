global using Roundtable.Web.Infrastructure;
