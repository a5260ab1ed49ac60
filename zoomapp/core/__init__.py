"""The domain, never importing Textual: files, settings and what the app reads at start here;
content/, practice/ and journal/ for the three parts."""
