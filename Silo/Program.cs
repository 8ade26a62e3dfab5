using Actors.Silo.Configuration;
using Actors.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// Settings come from the appsettings.json beside the binary, wherever the silo is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = builder.Configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
var problems = SiloSettingsValidator.Validate(settings);
if (problems.Count > 0)
{
    await Console.Error.WriteLineAsync("Actors silo: invalid configuration:\n  - " + string.Join("\n  - ", problems));
    return 2;
}

if (args.Contains("--rebuild-catalog"))
{
    return await CatalogCommand.RebuildAsync(settings);
}

await builder.AddActorsSiloAsync(settings);
await builder.Build().RunAsync();
return 0;
