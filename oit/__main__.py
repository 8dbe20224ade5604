from oit.cli import main

main()
