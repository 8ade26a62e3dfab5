using Actors.WebApi.Hosting;

// Settings come from the appsettings.json beside the binary, wherever the Web API is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (!builder.AddActorsApi())
{
    return 2;
}

var app = builder.Build();
app.MapActorsApi();
await app.RunAsync();
return 0;

/// <summary>The Web API entry point (public for the test host).</summary>
public partial class Program;
