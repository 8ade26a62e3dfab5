using Actors.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
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
