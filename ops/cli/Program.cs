using Actors.Cli;

return await ActorsCommand.RunAsync(args, Console.Out, Console.Error);
