Console.WriteLine("The benchmark program is being written.");
return 0;
