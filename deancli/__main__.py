from deancli.cli import main

main()
