from dyad.serve.cli import app

app(prog_name="dyad")
