from newsan.cli import main

main()
